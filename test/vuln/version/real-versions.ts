// Real version strings for the differential tests, harvested from the corpus next to the project
// (../shared/corpus): OSV advisories, osv-scanner's lockfile and OS-database fixtures, recorded
// API traffic and SBOM purls. The oracle decides every order, so a stray string that lands in the
// wrong ecosystem only adds one more checked pair; what matters is that the strings are real.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { versionSchemeFor } from '../../../src/vuln/version/registry.js';
import type { VersionScheme } from '../../../src/vuln/version/scheme.js';
import { pick } from './oracle.js';

export const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus');

/** purl types and the `name` of the scheme that orders them. */
const PURL_SCHEMES: Readonly<Record<string, string>> = {
  deb: 'dpkg',
  rpm: 'rpm',
  maven: 'maven',
  pypi: 'pep440',
  golang: 'go',
};
/** Text files bigger than this are recorded image layers or archives, not version data. */
const MAX_FILE = 4 * 1024 * 1024;

type Harvest = Map<string, Set<string>>;

function add(harvest: Harvest, scheme: string | undefined, version: string): void {
  if (scheme === undefined || version === '') return;
  let set = harvest.get(scheme);
  if (set === undefined) harvest.set(scheme, (set = new Set()));
  set.add(version);
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.isFile() && statSync(path).size <= MAX_FILE ? [path] : [];
  });
}

const JSON_KEY =
  /\\*"(ecosystem|version|introduced|fixed|last_affected)\\*"\s*:\s*\\*"((?:[^"\\]|\\u[0-9a-fA-F]{4})*)\\*"/gi;
const PURL = /pkg:(deb|rpm|maven|pypi|golang)\/[^@"'\s]+@([^?#"'\s,\\]+)/g;

/**
 * JSON (also JSON embedded in YAML cassettes and snapshots): a version belongs to the ecosystem
 * named last before it, which is how OSV records (`package.ecosystem` before `ranges`) and
 * osv-scanner queries (`package` before `version`) are laid out.
 */
function scanJson(text: string, harvest: Harvest): void {
  let ecosystem: string | undefined;
  for (const [, key = '', value = ''] of text.matchAll(JSON_KEY)) {
    if (key.toLowerCase() === 'ecosystem') ecosystem = versionSchemeFor(value)?.name;
    else add(harvest, ecosystem, value);
  }
  for (const [, type = '', version = ''] of text.matchAll(PURL)) {
    try {
      add(harvest, PURL_SCHEMES[type], decodeURIComponent(version));
    } catch {
      // A malformed percent escape is not a version worth keeping.
    }
  }
}

/** dpkg `status` files: one `Version:` field per package stanza. */
function scanDpkgStatus(text: string, harvest: Harvest): void {
  for (const [, version = ''] of text.matchAll(/^Version: *(\S+) *$/gm))
    add(harvest, 'dpkg', version);
}

/** `pom.xml` `<version>` elements and Gradle lockfile `group:artifact:version=` lines. */
function scanMavenBuild(path: string, text: string, harvest: Harvest): void {
  if (path.endsWith('.xml')) {
    for (const [, v = ''] of text.matchAll(/<version>\s*([^<$\s]+)\s*<\/version>/g))
      add(harvest, 'maven', v);
  }
  if (/gradle|\.lockfile$/.test(path)) {
    for (const [, v = ''] of text.matchAll(/^[\w.-]+:[\w.-]+:([^=\s]+)=/gm))
      add(harvest, 'maven', v);
  }
}

/** The lockfile fixtures' own expectations, which name ecosystem and version per package. */
function scanExpectations(harvest: Harvest): void {
  const path = join(CORPUS, 'lockfiles/_derived/legacy-lockfile-expectations.json');
  if (!existsSync(path)) return;
  const doc = JSON.parse(readFileSync(path, 'utf8')) as {
    cases?: { packages?: { Ecosystem?: unknown; Version?: unknown }[] }[];
  };
  for (const c of doc.cases ?? []) {
    for (const p of c.packages ?? []) {
      if (typeof p.Ecosystem === 'string' && typeof p.Version === 'string')
        add(harvest, versionSchemeFor(p.Ecosystem)?.name, p.Version);
    }
  }
}

/** PyPA advisories (YAML): event values and `versions:` list items, quotes removed. */
function scanPypa(harvest: Harvest): void {
  const unquote = (s: string): string => s.trim().replace(/^(['"])(.*)\1$/, '$2');
  for (const path of files(join(CORPUS, 'osv/pypa-advisory-database/vulns'))) {
    let inVersions = false;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const event = /^\s*-?\s*(?:introduced|fixed|last_affected):\s*(.+)$/.exec(line);
      if (event?.[1] !== undefined) add(harvest, 'pep440', unquote(event[1]));
      if (/^\s*versions:\s*$/.test(line)) inVersions = true;
      else if (inVersions) {
        const item = /^\s*-\s+(.+)$/.exec(line);
        if (item?.[1] === undefined) inVersions = false;
        else add(harvest, 'pep440', unquote(item[1]));
      }
    }
  }
}

/** Go vulndb (OSV JSON): SEMVER event values and any listed versions. */
function scanGoVulndb(harvest: Harvest): void {
  for (const path of files(join(CORPUS, 'osv/golang-vulndb/data/osv'))) {
    if (!path.endsWith('.json')) continue;
    const doc = JSON.parse(readFileSync(path, 'utf8')) as {
      affected?: { ranges?: { events?: Record<string, unknown>[] }[]; versions?: unknown[] }[];
    };
    for (const affected of doc.affected ?? []) {
      const events = (affected.ranges ?? []).flatMap((r) => r.events ?? []);
      const values = [...events.flatMap((e) => Object.values(e)), ...(affected.versions ?? [])];
      for (const v of values) if (typeof v === 'string') add(harvest, 'go', v);
    }
  }
}

let cached: Harvest | undefined;

function harvestAll(): Harvest {
  if (cached !== undefined) return cached;
  const harvest: Harvest = new Map();
  for (const path of [
    ...files(join(CORPUS, 'lockfiles')),
    ...files(join(CORPUS, 'sbom-examples')),
  ]) {
    const text = readFileSync(path, 'utf8');
    scanJson(text, harvest);
    if (/status$/.test(path)) scanDpkgStatus(text, harvest);
    scanMavenBuild(path, text, harvest);
  }
  scanExpectations(harvest);
  scanPypa(harvest);
  scanGoVulndb(harvest);
  return (cached = harvest);
}

/**
 * Distinct real versions for one scheme that the scheme itself accepts, in a stable order.
 * Fails when the corpus is missing, since the real pairs are part of what the tests promise.
 */
export function realVersions(scheme: VersionScheme): string[] {
  if (!existsSync(CORPUS))
    throw new Error(`corpus missing at ${CORPUS}; expected ../shared/corpus next to the project`);
  const found = harvestAll().get(scheme.name) ?? new Set<string>();
  return [...found].filter((v) => v.trim() === v && scheme.isValid(v)).sort();
}

/**
 * Pairs of real versions: neighbours after sorting in our own order (the close calls where
 * comparators go wrong) plus as many random pairs. At most `maxVersions` versions are used,
 * chosen with the seeded `random` so the set is the same on every run.
 */
export function realPairs(
  scheme: VersionScheme,
  random: () => number,
  maxVersions = 2500,
): [string, string][] {
  let versions = realVersions(scheme);
  if (versions.length > maxVersions) {
    const chosen = new Set<string>();
    while (chosen.size < maxVersions) chosen.add(pick(random, versions));
    versions = [...chosen].sort();
  }
  const sorted = [...versions].sort((a, b) => scheme.compare(a, b));
  const pairs: [string, string][] = [];
  for (let i = 1; i < sorted.length; i++) pairs.push([sorted[i - 1] ?? '', sorted[i] ?? '']);
  const adjacent = pairs.length;
  for (let i = 0; i < adjacent; i++) pairs.push([pick(random, versions), pick(random, versions)]);
  return pairs;
}
