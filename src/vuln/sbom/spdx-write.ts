import { createHash } from 'node:crypto';
import type { Inventory, Package } from '../inventory/types.js';
import {
  contentUuid,
  inventoryDigest,
  isoSeconds,
  licenseExpression,
  sortedPackages,
  type SbomStamp,
} from './identity.js';

type Json = Record<string, unknown>;

/** SPDXID of the described target package. */
export const SPDX_TARGET_ID = 'SPDXRef-Target';

/** An SPDX identifier: `SPDXRef-` + letters, digits, `.` and `-` only. */
function spdxId(pkg: Package, index: number): string {
  const slug = `${pkg.ecosystem}-${pkg.name}`.replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 60);
  const hash = createHash('sha256')
    .update(`${pkg.purl}\u0000${pkg.locations[0]?.path ?? ''}\u0000${String(index)}`)
    .digest('hex')
    .slice(0, 12);
  return `SPDXRef-Package-${slug}-${hash}`;
}

function packageEntry(pkg: Package, id: string): Json {
  const where = pkg.locations
    .map((l) => (l.layer === undefined ? l.path : `${l.path} (layer ${l.layer})`))
    .join(', ');
  return {
    name: pkg.name,
    SPDXID: id,
    versionInfo: pkg.version,
    ...(pkg.source === undefined
      ? {}
      : {
          sourceInfo: `source package ${pkg.source.name}${pkg.source.version === undefined ? '' : ` ${pkg.source.version}`}`,
        }),
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: licenseExpression(pkg.licenses) ?? 'NOASSERTION',
    copyrightText: 'NOASSERTION',
    comment: `found by cubecape ${pkg.foundBy} cataloger${where === '' ? '' : ` in ${where}`}`,
    externalRefs: [
      { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl },
    ],
    primaryPackagePurpose: 'LIBRARY',
  };
}

function targetEntry(inventory: Inventory): Json {
  const target = inventory.target;
  const hex = /^sha256:([0-9a-f]{64})$/.exec(target.digest ?? '')?.[1];
  const image = target.kind !== 'dir' && target.kind !== 'sbom';
  return {
    name: target.ref,
    SPDXID: SPDX_TARGET_ID,
    ...(target.digest === undefined ? {} : { versionInfo: target.digest }),
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    ...(hex === undefined ? {} : { checksums: [{ algorithm: 'SHA256', checksumValue: hex }] }),
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: 'NOASSERTION',
    copyrightText: 'NOASSERTION',
    comment: [
      `target kind ${target.kind}`,
      target.platform === undefined ? undefined : `platform ${target.platform}`,
      inventory.distro === undefined
        ? undefined
        : `distro ${inventory.distro.id}${inventory.distro.versionId === undefined ? '' : `-${inventory.distro.versionId}`}`,
    ]
      .filter((s) => s !== undefined)
      .join('; '),
    primaryPackagePurpose: image ? 'CONTAINER' : target.kind === 'dir' ? 'FILE' : 'APPLICATION',
  };
}

/**
 * The inventory as an SPDX 2.3 JSON document. The document namespace is derived from the
 * target digest and content, so the same input always gets the same namespace.
 */
export function writeSpdx(inventory: Inventory, options: { readonly stamp: SbomStamp }): Json {
  const packages = sortedPackages(inventory);
  const ids = new Map(packages.map((pkg, index) => [pkg, spdxId(pkg, index)]));
  const byPurl = new Map<string, string>();
  for (const pkg of packages) if (!byPurl.has(pkg.purl)) byPurl.set(pkg.purl, ids.get(pkg) ?? '');
  const relationships: Json[] = [
    {
      spdxElementId: 'SPDXRef-DOCUMENT',
      relationshipType: 'DESCRIBES',
      relatedSpdxElement: SPDX_TARGET_ID,
    },
  ];
  for (const pkg of packages)
    relationships.push({
      spdxElementId: SPDX_TARGET_ID,
      relationshipType: 'CONTAINS',
      relatedSpdxElement: ids.get(pkg) ?? '',
    });
  for (const pkg of packages) {
    const targets = new Set(
      (pkg.dependsOn ?? []).map((purl) => byPurl.get(purl)).filter((id) => id !== undefined),
    );
    targets.delete(ids.get(pkg) ?? '');
    for (const target of [...targets].sort())
      relationships.push({
        spdxElementId: ids.get(pkg) ?? '',
        relationshipType: 'DEPENDS_ON',
        relatedSpdxElement: target,
      });
  }
  const name = inventory.target.ref === '' ? 'target' : inventory.target.ref;
  const namespaceId = contentUuid(
    `${inventory.target.digest ?? ''}\u0000${inventoryDigest(inventory)}`,
  );
  const slug = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'target';
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name,
    documentNamespace: `https://cubecape.io/spdxdocs/${slug}-${namespaceId}`,
    creationInfo: {
      created: isoSeconds(options.stamp.timestamp),
      creators: [`Tool: cubecape-${options.stamp.toolVersion}`],
    },
    documentDescribes: [SPDX_TARGET_ID],
    packages: [
      targetEntry(inventory),
      ...packages.map((pkg) => packageEntry(pkg, ids.get(pkg) ?? '')),
    ],
    relationships,
  };
}
