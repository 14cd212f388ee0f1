import type { ReportVulnerability } from '../../report/scan-report.js';
import type { Inventory, Package, TargetInfo } from '../inventory/types.js';
import {
  documentUuid,
  inventoryDigest,
  isoSeconds,
  licenseExpression,
  packageRefs,
  sortedPackages,
  type SbomStamp,
} from './identity.js';

type Json = Record<string, unknown>;

/** The bom-ref of the described target and of its operating system. */
export const TARGET_REF = 'cubecape:target';
const OS_REF = 'cubecape:os';

const IMAGE_KINDS = new Set<TargetInfo['kind']>([
  'docker-archive',
  'oci-archive',
  'oci-dir',
  'registry',
]);

/** OpenVEX justifications → CycloneDX impact analysis justifications. */
const JUSTIFICATIONS: Readonly<Record<string, string>> = {
  component_not_present: 'code_not_present',
  vulnerable_code_not_present: 'code_not_present',
  vulnerable_code_not_in_execute_path: 'code_not_reachable',
  vulnerable_code_cannot_be_controlled_by_adversary: 'requires_environment',
  inline_mitigations_already_exist: 'protected_by_mitigating_control',
};

function property(name: string, value: string): Json {
  return { name, value };
}

function targetComponent(inventory: Inventory): Json {
  const target = inventory.target;
  const image = IMAGE_KINDS.has(target.kind);
  const properties = [property('cubecape:target:kind', target.kind)];
  if (target.platform !== undefined)
    properties.push(property('cubecape:image:platform', target.platform));
  for (const layer of target.layers ?? []) properties.push(property('cubecape:image:layer', layer));
  for (const name of target.names ?? []) properties.push(property('cubecape:image:name', name));
  const hex = /^sha256:([0-9a-f]{64})$/.exec(target.digest ?? '')?.[1];
  return {
    type: image ? 'container' : target.kind === 'dir' ? 'file' : 'application',
    'bom-ref': TARGET_REF,
    name: target.ref,
    ...(target.digest === undefined ? {} : { version: target.digest }),
    ...(hex === undefined ? {} : { hashes: [{ alg: 'SHA-256', content: hex }] }),
    properties,
  };
}

function licensesOf(pkg: Package): Json[] | undefined {
  if (pkg.licenses === undefined || pkg.licenses.length === 0) return undefined;
  const expression = licenseExpression(pkg.licenses);
  if (expression !== undefined) return [{ expression }];
  return [...new Set(pkg.licenses)].map((name) => ({ license: { name } }));
}

function packageComponent(pkg: Package, ref: string): Json {
  const properties = [property('cubecape:foundBy', pkg.foundBy)];
  properties.push(property('cubecape:ecosystem', pkg.ecosystem));
  for (const location of pkg.locations) {
    properties.push(property('cubecape:location', location.path));
    if (location.layer !== undefined) properties.push(property('cubecape:layer', location.layer));
  }
  if (pkg.source !== undefined)
    properties.push(
      property(
        'cubecape:source',
        pkg.source.version === undefined
          ? pkg.source.name
          : `${pkg.source.name}@${pkg.source.version}`,
      ),
    );
  if (pkg.dev === true) properties.push(property('cubecape:dev', 'true'));
  for (const [key, value] of Object.entries(pkg.metadata ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  ))
    properties.push(property(`cubecape:metadata:${key}`, value));
  const licenses = licensesOf(pkg);
  return {
    type: 'library',
    'bom-ref': ref,
    name: pkg.name,
    version: pkg.version,
    ...(licenses === undefined ? {} : { licenses }),
    purl: pkg.purl,
    properties,
  };
}

function osComponent(inventory: Inventory): Json | undefined {
  const distro = inventory.distro;
  if (distro === undefined) return undefined;
  return {
    type: 'operating-system',
    'bom-ref': OS_REF,
    name: distro.id,
    ...(distro.versionId === undefined ? {} : { version: distro.versionId }),
    ...(distro.prettyName === undefined ? {} : { description: distro.prettyName }),
    properties:
      distro.versionCodename === undefined
        ? []
        : [property('cubecape:distro:codename', distro.versionCodename)],
  };
}

function dependencies(packages: readonly Package[], refs: Map<Package, string>): Json[] {
  const byPurl = new Map<string, string>();
  for (const pkg of packages) if (!byPurl.has(pkg.purl)) byPurl.set(pkg.purl, refs.get(pkg) ?? '');
  const result: Json[] = [{ ref: TARGET_REF, dependsOn: packages.map((p) => refs.get(p) ?? '') }];
  for (const pkg of packages) {
    const targets = new Set<string>();
    for (const purl of pkg.dependsOn ?? []) {
      const ref = byPurl.get(purl);
      if (ref !== undefined && ref !== refs.get(pkg)) targets.add(ref);
    }
    result.push({ ref: refs.get(pkg) ?? '', dependsOn: [...targets].sort() });
  }
  return result;
}

function ratingOf(vuln: ReportVulnerability): Json[] {
  if (vuln.cvss !== undefined) {
    const method =
      vuln.cvss.version === '4.0' ? 'CVSSv4' : vuln.cvss.version === '3.1' ? 'CVSSv31' : 'CVSSv3';
    return [
      {
        source: { name: 'cubecape' },
        score: vuln.cvss.score,
        severity: vuln.severity,
        method,
        vector: vuln.cvss.vector,
      },
    ];
  }
  return [{ source: { name: 'cubecape' }, severity: vuln.severity }];
}

function sourceOf(id: string): Json {
  if (id.startsWith('CVE-')) return { name: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${id}` };
  if (id.startsWith('GHSA-')) return { name: 'GitHub', url: `https://github.com/advisories/${id}` };
  return { name: 'OSV', url: `https://osv.dev/vulnerability/${id}` };
}

function vulnerabilities(
  vulns: readonly ReportVulnerability[],
  packages: readonly Package[],
  refs: Map<Package, string>,
): Json[] {
  const byPurl = new Map<string, string[]>();
  for (const pkg of packages)
    byPurl.set(pkg.purl, [...(byPurl.get(pkg.purl) ?? []), refs.get(pkg) ?? '']);
  const grouped = new Map<string, ReportVulnerability[]>();
  for (const vuln of vulns) grouped.set(vuln.id, [...(grouped.get(vuln.id) ?? []), vuln]);
  return [...grouped.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, group]) => {
      const first = group[0];
      const aliases = [...new Set(group.flatMap((v) => v.aliases))].sort();
      const affected = new Map<string, Json>();
      for (const v of group)
        for (const ref of byPurl.get(v.package.purl ?? '') ?? [])
          affected.set(ref, {
            ref,
            versions: [
              {
                version: v.package.version,
                status: v.status === 'unknown' ? 'unknown' : 'affected',
              },
            ],
          });
      const affects = [...affected.values()];
      const fixes = group
        .filter((v) => v.fixedVersions.length > 0)
        .map((v) => `Upgrade ${v.package.name} to ${v.fixedVersions.join(' or ')}`);
      const suppression = first?.suppression;
      return {
        'bom-ref': `vuln:${id}`,
        id,
        source: sourceOf(id),
        ...(aliases.length === 0
          ? {}
          : { references: aliases.map((alias) => ({ id: alias, source: sourceOf(alias) })) }),
        ...(first === undefined ? {} : { ratings: ratingOf(first) }),
        ...(first?.summary === undefined ? {} : { description: first.summary }),
        ...(fixes.length === 0 ? {} : { recommendation: [...new Set(fixes)].join('; ') }),
        ...(suppression === undefined
          ? {}
          : {
              analysis: {
                state: suppression.status === 'fixed' ? 'resolved' : 'not_affected',
                ...(suppression.justification !== undefined &&
                Object.hasOwn(JUSTIFICATIONS, suppression.justification)
                  ? { justification: JUSTIFICATIONS[suppression.justification] }
                  : {}),
                detail: [
                  `VEX ${suppression.document}`,
                  suppression.justification,
                  suppression.statement,
                ]
                  .filter((s) => s !== undefined)
                  .join(': '),
              },
            }),
        affects,
      };
    });
}

/** Options of {@link writeCycloneDx}. */
export interface CycloneDxOptions {
  readonly stamp: SbomStamp;
  /** Adds a `vulnerabilities` section (CycloneDX-with-vulnerabilities). */
  readonly vulnerabilities?: readonly ReportVulnerability[];
}

/**
 * The inventory as a CycloneDX 1.6 JSON document (as a plain object, ready to serialise).
 * Components are sorted by purl; with a reproducible stamp the output depends only on the input.
 */
export function writeCycloneDx(inventory: Inventory, options: CycloneDxOptions): Json {
  const packages = sortedPackages(inventory);
  const refs = packageRefs(packages);
  const os = osComponent(inventory);
  const components = [
    ...(os === undefined ? [] : [os]),
    ...packages.map((pkg) => packageComponent(pkg, refs.get(pkg) ?? pkg.purl)),
  ];
  const body: Json = {
    metadata: {
      timestamp: isoSeconds(options.stamp.timestamp),
      tools: {
        components: [{ type: 'application', name: 'cubecape', version: options.stamp.toolVersion }],
      },
      component: targetComponent(inventory),
    },
    components,
    dependencies: dependencies(packages, refs),
    ...(options.vulnerabilities === undefined
      ? {}
      : { vulnerabilities: vulnerabilities(options.vulnerabilities, packages, refs) }),
  };
  const uuid = documentUuid(
    options.stamp,
    `${inventoryDigest(inventory)}\u0000${JSON.stringify(body)}`,
  );
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${uuid}`,
    version: 1,
    ...body,
  };
}
