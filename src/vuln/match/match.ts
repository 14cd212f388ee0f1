import { isRecord } from '../db/osv-record.js';
import { baseEcosystem, ecosystemKey, normalizePackageName } from '../db/package-name.js';
import type { VulnDb } from '../db/store.js';
import { explainAffected, versionSchemeFor, type VersionScheme } from '../version/index.js';
import { schemeCache } from './cached-scheme.js';
import { groupByAlias, primaryId } from './group.js';
import { severityOf, type FindingSeverity } from './severity.js';

/** An installed package to check. `ecosystem` is an OSV ecosystem, with release if known. */
export interface PackageQuery {
  readonly ecosystem: string;
  readonly name: string;
  readonly version: string;
  readonly purl?: string;
}

/** One vulnerability affecting one package, its advisories merged across databases. */
export interface VulnFinding {
  readonly package: PackageQuery;
  /** The id to show: a CVE when one is known, else a GHSA, else the database's own id. */
  readonly id: string;
  /** Every other id of this vulnerability (advisory ids and their aliases), sorted. */
  readonly aliases: readonly string[];
  /** The advisories in the database that matched. */
  readonly advisories: readonly string[];
  /** `unknown` when the data could not decide (e.g. an unparseable version); see notes. */
  readonly status: 'affected' | 'unknown';
  readonly summary?: string;
  /** Versions that fix it, newer than the installed one, from the `fixed` events. */
  readonly fixedVersions: readonly string[];
  readonly severity: FindingSeverity;
  readonly notes: readonly string[];
}

/** The result of {@link matchPackages}. */
export interface MatchResult {
  readonly findings: readonly VulnFinding[];
  /** Packages that could not be checked at all, e.g. an ecosystem without a version scheme. */
  readonly skipped: readonly { readonly package: PackageQuery; readonly reason: string }[];
}

interface Hit {
  readonly id: string;
  readonly document: Record<string, unknown>;
  readonly status: 'affected' | 'unknown';
  readonly entries: readonly Record<string, unknown>[];
  readonly notes: readonly string[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Whether an advisory's ecosystem applies to the queried one (release-aware). */
function ecosystemApplies(query: string, advisory: string): boolean {
  if (query === advisory) return true;
  const base = query.split(':', 1)[0] ?? '';
  // An advisory for the bare ecosystem covers every release; a query without a release is
  // checked against every release rather than silently matching nothing.
  return advisory === base || !query.includes(':');
}

function fixedVersionsOf(
  entries: readonly Record<string, unknown>[],
  version: string,
  scheme: VersionScheme,
): string[] {
  const fixed = new Set<string>();
  for (const entry of entries) {
    for (const range of Array.isArray(entry['ranges']) ? (entry['ranges'] as unknown[]) : []) {
      if (!isRecord(range) || (range['type'] !== 'SEMVER' && range['type'] !== 'ECOSYSTEM'))
        continue;
      for (const event of Array.isArray(range['events']) ? (range['events'] as unknown[]) : []) {
        if (isRecord(event) && typeof event['fixed'] === 'string') fixed.add(event['fixed']);
      }
    }
  }
  const newer = [...fixed].filter((f) => {
    try {
      return scheme.compare(f, version) > 0;
    } catch {
      return true;
    }
  });
  return newer.sort((a, b) => {
    try {
      return scheme.compare(a, b);
    } catch {
      return a < b ? -1 : 1;
    }
  });
}

/** Evaluates one advisory against one package; `undefined` when it does not apply. */
function evaluate(
  pkg: PackageQuery,
  id: string,
  document: unknown,
  scheme: VersionScheme,
): Hit | undefined {
  if (!isRecord(document) || !Array.isArray(document['affected'])) return undefined;
  const query = ecosystemKey(pkg.ecosystem);
  const name = normalizePackageName(pkg.ecosystem, pkg.name);
  const entries: Record<string, unknown>[] = [];
  const notes = new Set<string>();
  let status: 'affected' | 'unknown' | undefined;
  for (const entry of document['affected'] as unknown[]) {
    if (!isRecord(entry) || !isRecord(entry['package'])) continue;
    const { ecosystem, name: entryName } = entry['package'];
    if (typeof ecosystem !== 'string' || typeof entryName !== 'string') continue;
    const advisoryEcosystem = ecosystemKey(ecosystem);
    if (!ecosystemApplies(query, advisoryEcosystem)) continue;
    if (normalizePackageName(ecosystem, entryName) !== name) continue;
    const verdict = explainAffected(pkg.version, entry, scheme);
    for (const note of verdict.notes) notes.add(note);
    if (verdict.affected === false) continue;
    if (advisoryEcosystem !== query && advisoryEcosystem.includes(':'))
      notes.add(`the package has no release; matched the ${ecosystem} advisory data`);
    entries.push(entry);
    if (verdict.affected === true) status = 'affected';
    else status ??= 'unknown';
  }
  if (status === undefined) return undefined;
  return { id, document, status, entries, notes: [...notes] };
}

function toFinding(pkg: PackageQuery, hits: readonly Hit[], scheme: VersionScheme): VulnFinding {
  const ids = new Set<string>();
  for (const hit of hits) {
    ids.add(hit.id);
    for (const alias of strings(hit.document['aliases'])) ids.add(alias);
  }
  const id = primaryId(ids);
  ids.delete(id);
  const entries = hits.flatMap((h) => h.entries);
  const summary = hits.map((h) => h.document['summary']).find((s) => typeof s === 'string');
  return {
    package: pkg,
    id,
    aliases: [...ids].sort(),
    advisories: hits.map((h) => h.id).sort(),
    status: hits.some((h) => h.status === 'affected') ? 'affected' : 'unknown',
    ...(summary === undefined ? {} : { summary }),
    fixedVersions: fixedVersionsOf(entries, pkg.version, scheme),
    severity: severityOf(
      hits.map((h) => h.document),
      entries,
    ),
    notes: [...new Set(hits.flatMap((h) => h.notes))],
  };
}

/**
 * Checks installed packages against the advisories in `db`. Each package is looked up by
 * ecosystem and normalised name, every advisory is evaluated with the ecosystem's own version
 * order (OSV `ranges` and `versions`; GIT ranges are noted, not evaluated), withdrawn
 * advisories are ignored, and advisories sharing ids or aliases become one finding.
 */
export function matchPackages(db: VulnDb, packages: readonly PackageQuery[]): MatchResult {
  const findings: VulnFinding[] = [];
  const skipped: { package: PackageQuery; reason: string }[] = [];
  const cachedScheme = schemeCache();
  // SBOMs of many images repeat the same packages; each index lookup is a SQLite query.
  const lookups = new Map<string, string[]>();
  // The findings of an (ecosystem, name, version) depend on nothing else: evaluate it once.
  const evaluated = new Map<string, readonly Omit<VulnFinding, 'package'>[]>();
  const cache = new Map<string, { document: unknown; withdrawn: string | undefined } | undefined>();
  for (const pkg of packages) {
    if (
      !isRecord(pkg) ||
      typeof pkg.ecosystem !== 'string' ||
      typeof pkg.name !== 'string' ||
      typeof pkg.version !== 'string'
    ) {
      skipped.push({ package: pkg, reason: 'expected ecosystem, name and version strings' });
      continue;
    }
    const known = versionSchemeFor(pkg.ecosystem);
    if (known === undefined) {
      skipped.push({
        package: pkg,
        reason: `no version order known for ecosystem "${pkg.ecosystem}"`,
      });
      continue;
    }
    const scheme = cachedScheme(known);
    const name = normalizePackageName(pkg.ecosystem, pkg.name);
    const queryKey = `${ecosystemKey(pkg.ecosystem)}\u0000${name}\u0000${pkg.version}`;
    const done = evaluated.get(queryKey);
    if (done !== undefined) {
      for (const finding of done) findings.push({ package: pkg, ...finding });
      continue;
    }
    const hits: Hit[] = [];
    const seen = new Set<string>();
    const key = `${baseEcosystem(pkg.ecosystem)}\u0000${name}`;
    let ids = lookups.get(key);
    if (ids === undefined) {
      ids = db.lookup(pkg.ecosystem, pkg.name).map((hit) => hit.advisoryId);
      lookups.set(key, ids);
    }
    for (const advisoryId of ids) {
      if (seen.has(advisoryId)) continue;
      seen.add(advisoryId);
      if (!cache.has(advisoryId)) cache.set(advisoryId, db.advisory(advisoryId));
      const stored = cache.get(advisoryId);
      if (stored === undefined || stored.withdrawn !== undefined) continue;
      const hit = evaluate(pkg, advisoryId, stored.document, scheme);
      if (hit !== undefined) hits.push(hit);
    }
    const byId = new Map(hits.map((h) => [h.id, h]));
    const groups = groupByAlias(
      hits.map((h) => ({ id: h.id, aliases: strings(h.document['aliases']) })),
    );
    const made: Omit<VulnFinding, 'package'>[] = [];
    for (const group of groups) {
      const members = group.map((id) => byId.get(id)).filter((h): h is Hit => h !== undefined);
      const { package: _package, ...finding } = toFinding(pkg, members, scheme);
      made.push(finding);
      findings.push({ package: pkg, ...finding });
    }
    evaluated.set(queryKey, made);
  }
  return { findings, skipped };
}
