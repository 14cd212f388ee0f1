import { createHash, randomUUID } from 'node:crypto';
import type { Inventory, Package } from '../inventory/types.js';

/** How a document is stamped: a fixed time makes the whole document reproducible. */
export interface SbomStamp {
  /** The document's creation time. */
  readonly timestamp: Date;
  /**
   * When true (`--timestamp` or SOURCE_DATE_EPOCH given), identifiers are derived from the
   * content instead of being random, so the same input gives byte-identical output.
   */
  readonly reproducible: boolean;
  readonly toolVersion: string;
}

/** ISO 8601 without milliseconds (SPDX requires `YYYY-MM-DDThh:mm:ssZ`). */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** An RFC 4122 name-based (version 5 layout, SHA-1) UUID of `content`. */
export function contentUuid(content: string): string {
  const hash = createHash('sha1').update('cubecape-sbom\u0000').update(content).digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A content-derived UUID when reproducible, else a random one. */
export function documentUuid(stamp: SbomStamp, content: string): string {
  return stamp.reproducible ? contentUuid(content) : randomUUID();
}

/** Packages in a stable order: by purl, then by first location. */
export function sortedPackages(inventory: Inventory): Package[] {
  const key = (p: Package): string => `${p.purl}\u0000${p.locations[0]?.path ?? ''}`;
  return [...inventory.packages].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * A stable reference per package: its purl, with `#path` (or `#n`) added when several
 * packages share the purl (the same library vendored at two places).
 */
export function packageRefs(packages: readonly Package[]): Map<Package, string> {
  const counts = new Map<string, number>();
  for (const pkg of packages) counts.set(pkg.purl, (counts.get(pkg.purl) ?? 0) + 1);
  const refs = new Map<Package, string>();
  const used = new Set<string>();
  for (const pkg of packages) {
    let ref = pkg.purl;
    if ((counts.get(pkg.purl) ?? 0) > 1) ref = `${pkg.purl}#${pkg.locations[0]?.path ?? ''}`;
    for (let n = 2; used.has(ref); n++) ref = `${pkg.purl}#${pkg.locations[0]?.path ?? ''}#${n}`;
    used.add(ref);
    refs.set(pkg, ref);
  }
  return refs;
}

/**
 * A digest of what the inventory holds (target, distro, packages), so identifiers derived from
 * it change exactly when the content does.
 */
export function inventoryDigest(inventory: Inventory): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(inventory.target));
  hash.update(JSON.stringify(inventory.distro ?? null));
  for (const pkg of sortedPackages(inventory)) {
    hash.update(pkg.purl);
    hash.update('\u0000');
    for (const location of pkg.locations) hash.update(`${location.path}\u0001`);
  }
  return hash.digest('hex');
}

const LICENSE_TOKEN = /^(?:[A-Za-z0-9][A-Za-z0-9.+-]*|AND|OR|WITH|\(|\))$/;

/**
 * The declared licences as one SPDX expression when every entry looks like one (`MIT`,
 * `Apache-2.0 OR MIT`), joined with AND; `undefined` when some entry is free text.
 */
export function licenseExpression(licenses: readonly string[] | undefined): string | undefined {
  if (licenses === undefined || licenses.length === 0) return undefined;
  const parts: string[] = [];
  for (const license of licenses) {
    const tokens = license
      .replaceAll('(', ' ( ')
      .replaceAll(')', ' ) ')
      .split(/\s+/)
      .filter((t) => t !== '');
    if (tokens.length === 0 || !tokens.every((t) => LICENSE_TOKEN.test(t))) return undefined;
    parts.push(tokens.length > 1 && licenses.length > 1 ? `(${license.trim()})` : license.trim());
  }
  return [...new Set(parts)].join(' AND ');
}
