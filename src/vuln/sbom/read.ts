import { CubecapeError } from '../../core/errors.js';
import type {
  Distro,
  Inventory,
  InventoryNote,
  Package,
  PackageLocation,
} from '../inventory/types.js';
import { distroFromQualifier, purlFacts } from './purl-package.js';

type Json = Record<string, unknown>;

/** Which SBOM format a document is in. */
export type SbomFormat = 'cyclonedx' | 'spdx';

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const CDX_VERSIONS = new Set(['1.2', '1.3', '1.4', '1.5', '1.6']);
const SPDX_VERSIONS = new Set(['SPDX-2.2', 'SPDX-2.3']);

function invalid(file: string, message: string): CubecapeError {
  return new CubecapeError('SBOM_INVALID', message, { file });
}

/** Collects packages, dropping exact duplicates (same purl and location). */
class PackageSink {
  readonly packages: Package[] = [];
  readonly notes: InventoryNote[] = [];
  private readonly seen = new Set<string>();
  distro: Distro | undefined;
  private unnamed = 0;

  constructor(private readonly file: string) {}

  add(
    purl: string | undefined,
    fallback: { name?: string | undefined; version?: string | undefined },
    extra: Partial<Pick<Package, 'locations' | 'licenses' | 'dependsOn' | 'source'>> & {
      ecosystem?: string | undefined;
      where: string;
    },
  ): void {
    if (purl === undefined) {
      this.unnamed++;
      return;
    }
    const facts = purlFacts(purl);
    if (facts === undefined) {
      this.notes.push({
        path: this.file,
        message: `${extra.where}: "${purl}" is not a valid purl`,
      });
      return;
    }
    const written = facts.version ?? fallback.version;
    // The Go catalogers keep module versions without the `v` the purl carries (`pkg:golang/…@v1.2.3`
    // → 1.2.3): read SBOMs the same way, so an image and its SBOM report the same version.
    const version = facts.type === 'golang' ? written?.replace(/^v(?=\d)/, '') : written;
    if (version === undefined) {
      this.notes.push({ path: this.file, message: `${extra.where}: ${purl} has no version` });
      return;
    }
    if (facts.distro !== undefined) this.distro ??= facts.distro;
    const locations = extra.locations ?? [];
    const key = `${purl}\u0000${locations.map((l) => l.path).join('\u0001')}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.packages.push({
      name: facts.name,
      version,
      ecosystem: extra.ecosystem ?? facts.ecosystem ?? facts.type,
      purl,
      foundBy: 'sbom',
      locations,
      ...(extra.licenses === undefined || extra.licenses.length === 0
        ? {}
        : { licenses: extra.licenses }),
      ...(extra.dependsOn === undefined || extra.dependsOn.length === 0
        ? {}
        : { dependsOn: extra.dependsOn }),
      ...((extra.source ?? facts.upstream) === undefined
        ? {}
        : { source: extra.source ?? facts.upstream }),
    });
  }

  finish(): void {
    if (this.unnamed > 0)
      this.notes.push({
        path: this.file,
        message: `${String(this.unnamed)} components without a purl were not matched`,
      });
  }
}

/** `name@version` or `name` → a source package. */
function sourceFrom(value: string | undefined): { source?: NonNullable<Package['source']> } {
  if (value === undefined) return {};
  const at = value.lastIndexOf('@');
  if (at <= 0) return { source: { name: value } };
  return { source: { name: value.slice(0, at), version: value.slice(at + 1) } };
}

function cdxLicenses(component: Json): string[] {
  const out: string[] = [];
  for (const choice of array(component['licenses'])) {
    if (!isObject(choice)) continue;
    const expression = text(choice['expression']);
    if (expression !== undefined) out.push(expression);
    const license = choice['license'];
    if (isObject(license)) {
      const id = text(license['id']) ?? text(license['name']);
      if (id !== undefined) out.push(id);
    }
  }
  return out;
}

function cdxProperties(component: Json, name: string): string[] {
  return array(component['properties'])
    .filter(isObject)
    .filter((p) => p['name'] === name)
    .map((p) => text(p['value']))
    .filter((v): v is string => v !== undefined);
}

function cdxLocations(component: Json): PackageLocation[] {
  const paths = cdxProperties(component, 'cubecape:location');
  const layers = cdxProperties(component, 'cubecape:layer');
  return paths.map((path, i) => {
    const layer = layers[i];
    return layer === undefined ? { path } : { path, layer };
  });
}

function readCycloneDx(doc: Json, file: string): Inventory {
  const spec = text(doc['specVersion']) ?? '';
  if (!CDX_VERSIONS.has(spec))
    throw invalid(file, `expected CycloneDX specVersion 1.2 to 1.6, got "${spec}"`);
  if (doc['components'] !== undefined && !Array.isArray(doc['components']))
    throw invalid(file, 'expected "components" to be an array');
  const sink = new PackageSink(file);
  const refToPurl = new Map<string, string>();
  const components: { component: Json; where: string }[] = [];
  const visit = (list: unknown, where: string): void => {
    array(list).forEach((component, index) => {
      if (!isObject(component)) return;
      const here = `${where}[${String(index)}]`;
      components.push({ component, where: here });
      const ref = text(component['bom-ref']);
      const purl = text(component['purl']);
      if (ref !== undefined && purl !== undefined) refToPurl.set(ref, purl);
      visit(component['components'], `${here}.components`);
    });
  };
  visit(doc['components'], 'components');
  const dependsOn = new Map<string, string[]>();
  for (const dep of array(doc['dependencies'])) {
    if (!isObject(dep)) continue;
    const from = refToPurl.get(text(dep['ref']) ?? '');
    if (from === undefined) continue;
    const to = array(dep['dependsOn'])
      .map((r) => (typeof r === 'string' ? refToPurl.get(r) : undefined))
      .filter((p): p is string => p !== undefined);
    dependsOn.set(from, [...(dependsOn.get(from) ?? []), ...to]);
  }
  for (const { component, where } of components) {
    if (component['type'] === 'operating-system') {
      const id = text(component['name'])?.toLowerCase();
      const versionId = text(component['version']);
      if (id !== undefined) sink.distro ??= versionId === undefined ? { id } : { id, versionId };
      continue;
    }
    const purl = text(component['purl']);
    sink.add(
      purl,
      { name: text(component['name']), version: text(component['version']) },
      {
        where,
        ecosystem: cdxProperties(component, 'cubecape:ecosystem')[0],
        locations: cdxLocations(component),
        licenses: cdxLicenses(component),
        ...sourceFrom(cdxProperties(component, 'cubecape:source')[0]),
        dependsOn: purl === undefined ? [] : [...new Set(dependsOn.get(purl) ?? [])],
      },
    );
  }
  sink.finish();
  const metadata = isObject(doc['metadata']) ? doc['metadata'] : {};
  const target = isObject(metadata['component']) ? metadata['component'] : {};
  return {
    target: {
      kind: 'sbom',
      ref: file,
      ...(text(target['name']) === undefined ? {} : { names: [text(target['name']) ?? ''] }),
    },
    ...(sink.distro === undefined ? {} : { distro: sink.distro }),
    packages: sink.packages,
    notes: sink.notes,
  };
}

function spdxPurl(pkg: Json): string | undefined {
  for (const ref of array(pkg['externalRefs'])) {
    if (!isObject(ref)) continue;
    if (ref['referenceType'] === 'purl') return text(ref['referenceLocator']);
  }
  return undefined;
}

function spdxLicenses(pkg: Json): string[] {
  return [pkg['licenseDeclared'], pkg['licenseConcluded']]
    .map(text)
    .filter((l): l is string => l !== undefined && l !== 'NOASSERTION' && l !== 'NONE')
    .slice(0, 1);
}

function readSpdx(doc: Json, file: string): Inventory {
  const version = text(doc['spdxVersion']) ?? '';
  if (!SPDX_VERSIONS.has(version))
    throw invalid(file, `expected spdxVersion SPDX-2.2 or SPDX-2.3, got "${version}"`);
  if (doc['packages'] !== undefined && !Array.isArray(doc['packages']))
    throw invalid(file, 'expected "packages" to be an array');
  const sink = new PackageSink(file);
  const idToPurl = new Map<string, string>();
  for (const pkg of array(doc['packages'])) {
    if (!isObject(pkg)) continue;
    const id = text(pkg['SPDXID']);
    const purl = spdxPurl(pkg);
    if (id !== undefined && purl !== undefined) idToPurl.set(id, purl);
    const distro = /(?:^|; )distro (\S+)/.exec(text(pkg['comment']) ?? '')?.[1];
    if (id === 'SPDXRef-Target' && distro !== undefined) sink.distro = distroFromQualifier(distro);
  }
  const dependsOn = new Map<string, string[]>();
  for (const rel of array(doc['relationships'])) {
    if (!isObject(rel)) continue;
    let from = idToPurl.get(text(rel['spdxElementId']) ?? '');
    let to = idToPurl.get(text(rel['relatedSpdxElement']) ?? '');
    if (rel['relationshipType'] === 'DEPENDENCY_OF') [from, to] = [to, from];
    else if (rel['relationshipType'] !== 'DEPENDS_ON') continue;
    if (from !== undefined && to !== undefined)
      dependsOn.set(from, [...(dependsOn.get(from) ?? []), to]);
  }
  array(doc['packages']).forEach((pkg, index) => {
    if (!isObject(pkg)) return;
    const purl = spdxPurl(pkg);
    const where = `packages[${String(index)}]`;
    if (purl === undefined && text(pkg['SPDXID']) === 'SPDXRef-Target') return;
    const found = /found by cubecape \S+ cataloger in (.*)$/.exec(text(pkg['comment']) ?? '')?.[1];
    const locations: PackageLocation[] = (found ?? '')
      .split(', ')
      .filter((s) => s !== '')
      .map((s) => {
        const match = /^(.*) \(layer (\S+)\)$/.exec(s);
        return match?.[1] !== undefined && match[2] !== undefined
          ? { path: match[1], layer: match[2] }
          : { path: s };
      });
    sink.add(
      purl,
      { name: text(pkg['name']), version: text(pkg['versionInfo']) },
      {
        where,
        locations,
        licenses: spdxLicenses(pkg),
        ...sourceFrom(
          /^source package (\S+(?: \S+)?)$/
            .exec(text(pkg['sourceInfo']) ?? '')?.[1]
            ?.replace(' ', '@'),
        ),
        dependsOn: purl === undefined ? [] : [...new Set(dependsOn.get(purl) ?? [])],
      },
    );
  });
  sink.finish();
  return {
    target: {
      kind: 'sbom',
      ref: file,
      ...(text(doc['name']) === undefined ? {} : { names: [text(doc['name']) ?? ''] }),
    },
    ...(sink.distro === undefined ? {} : { distro: sink.distro }),
    packages: sink.packages,
    notes: sink.notes,
  };
}

/** Which SBOM format a parsed JSON document is, or `undefined` when it is neither. */
export function sbomFormatOf(doc: unknown): SbomFormat | undefined {
  if (!isObject(doc)) return undefined;
  if (doc['bomFormat'] === 'CycloneDX') return 'cyclonedx';
  if (typeof doc['spdxVersion'] === 'string') return 'spdx';
  return undefined;
}

/**
 * Reads a CycloneDX (1.2–1.6) or SPDX (2.2/2.3) JSON document into an Inventory. Components
 * without a purl cannot be matched and are counted in a note; a document of another kind or
 * version is an `SBOM_INVALID` error naming the file and what was expected.
 */
export function readSbom(content: string, file: string): Inventory {
  let doc: unknown;
  try {
    doc = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
  } catch (error) {
    throw new CubecapeError(
      'JSON_SYNTAX',
      `expected a CycloneDX or SPDX JSON document: ${error instanceof Error ? error.message : String(error)}`,
      { file, cause: error },
    );
  }
  const format = sbomFormatOf(doc);
  if (format === 'cyclonedx' && isObject(doc)) return readCycloneDx(doc, file);
  if (format === 'spdx' && isObject(doc)) return readSpdx(doc, file);
  if (isObject(doc) && ('@context' in doc || '@graph' in doc))
    throw invalid(
      file,
      'SPDX 3.0 JSON-LD is not supported; expected SPDX 2.2/2.3 or CycloneDX JSON',
    );
  throw invalid(
    file,
    'expected a CycloneDX document ("bomFormat": "CycloneDX") or an SPDX 2.x document ("spdxVersion")',
  );
}
