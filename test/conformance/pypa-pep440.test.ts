// Conformance: the PyPA advisory database lists, for most advisories, both ECOSYSTEM ranges
// and every affected release. Evaluating the ranges with our PEP 440 order must put every
// listed release inside them. Where it does not, Python's `packaging` must agree with our
// comparison on the exact pairs involved, which shows the data (not the comparator) is off.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import yaml from 'js-yaml';

import { isAffected, type OsvRange } from '../../src/vuln/version/osv-range.js';
import { pep440Scheme } from '../../src/vuln/version/pep440.js';

const CORPUS = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../shared/corpus/osv/pypa-advisory-database/vulns',
);
/** Share of PEP 440-valid listed versions the ranges must cover. Measured: 99.99% (9 of ~140,700 miss). */
const MIN_AGREEMENT = 0.999;
const INSTALL = 'apt-get install -y python3 python3-packaging (or: pip install packaging)';

interface Check {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly ranges: readonly OsvRange[];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Every (advisory, listed version) with ECOSYSTEM ranges to check it against. */
function collectChecks(files: readonly string[]): { checks: Check[]; advisories: number } {
  const checks: Check[] = [];
  let advisories = 0;
  for (const file of files) {
    // FAILSAFE keeps every scalar a string, so `1.10` never becomes the number 1.1.
    const doc: unknown = yaml.load(readFileSync(file, 'utf8'), { schema: yaml.FAILSAFE_SCHEMA });
    if (!isRecord(doc) || !Array.isArray(doc.affected)) continue;
    let used = false;
    for (const affected of doc.affected as unknown[]) {
      if (
        !isRecord(affected) ||
        !isRecord(affected.package) ||
        affected.package.ecosystem !== 'PyPI'
      )
        continue;
      if (!Array.isArray(affected.versions) || !Array.isArray(affected.ranges)) continue;
      const ranges = (affected.ranges as OsvRange[]).filter(
        (r) => isRecord(r) && r.type === 'ECOSYSTEM',
      );
      if (ranges.length === 0 || affected.versions.length === 0) continue;
      used = true;
      for (const version of affected.versions as unknown[]) {
        checks.push({
          id: String(doc.id),
          name: String(affected.package.name),
          version: String(version),
          ranges,
        });
      }
    }
    if (used) advisories++;
  }
  return { checks, advisories };
}

const PY = `
import json, sys
from packaging.version import Version, InvalidVersion
def parse(v):
    try:
        return Version(v)
    except InvalidVersion:
        return None
data = json.load(sys.stdin)
out = {"valid": [parse(v) is not None for v in data["versions"]], "order": []}
for a, b in data["pairs"]:
    x, y = parse(a), parse(b)
    out["order"].append(None if x is None or y is None else (x > y) - (x < y))
json.dump(out, sys.stdout)
`;

function python(
  versions: readonly string[],
  pairs: readonly (readonly [string, string])[],
): {
  valid: boolean[];
  order: (number | null)[];
} {
  const result = spawnSync('python3', ['-c', PY], {
    input: JSON.stringify({ versions, pairs }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error !== undefined || result.status !== 0) {
    throw new Error(
      `python3 with packaging is required (${result.stderr || String(result.error)}); install: ${INSTALL}`,
    );
  }
  return JSON.parse(result.stdout) as { valid: boolean[]; order: (number | null)[] };
}

function eventVersions(ranges: readonly OsvRange[]): string[] {
  return ranges.flatMap((r) => r.events.flatMap((e) => Object.values<string>(e)));
}

describe('PyPA advisory database: ECOSYSTEM ranges vs. listed versions (PEP 440)', () => {
  it('ranges cover the listed versions; every miss is a data inconsistency packaging confirms', (t) => {
    assert.ok(
      existsSync(CORPUS),
      `PyPA corpus missing at ${CORPUS}; expected ../shared/corpus next to the project`,
    );
    const files = yamlFiles(CORPUS);
    assert.ok(files.length > 1000, `expected the full PyPA database, found ${files.length} files`);
    const { checks, advisories } = collectChecks(files);

    const unparseable = checks.filter((c) => !pep440Scheme.isValid(c.version));
    const verdicts = checks
      .filter((c) => pep440Scheme.isValid(c.version))
      .map((c) => ({ c, v: isAffected(c.version, { ranges: c.ranges }, pep440Scheme) }));
    const misses = verdicts.filter(({ v }) => v !== true).map(({ c, v }) => ({ ...c, verdict: v }));
    const agreement = (verdicts.length - misses.length) / verdicts.length;

    // Our comparison on every pair behind a miss, and the validity of every legacy version, must match packaging.
    // Plus an evenly spaced sample of the rest of the corpus, about 2,000 listed versions.
    const step = Math.max(1, Math.floor(verdicts.length / 2000));
    const sampled = verdicts.filter((_, i) => i % step === 0).map(({ c }) => c);
    const pairs = [...misses, ...sampled].flatMap((m) =>
      eventVersions(m.ranges)
        .filter((e) => e !== '0' && pep440Scheme.isValid(e))
        .map((e) => [m.version, e] as const),
    );
    const py = python([...new Set(unparseable.map((c) => c.version))], pairs);
    const comparatorDiffs = pairs.filter(([a, b], i) => {
      const want = py.order[i];
      return want === null || want === undefined || pep440Scheme.compare(a, b) !== want;
    });

    t.diagnostic(
      `${files.length} files, ${advisories} advisories with ranges and versions, ${checks.length} listed versions`,
    );
    t.diagnostic(
      `${unparseable.length} listed versions (${new Set(unparseable.map((c) => c.version)).size} distinct) are not PEP 440 (legacy), evaluated as unknown`,
    );
    t.diagnostic(`${pairs.length} (version, event) pairs cross-checked against packaging`);
    t.diagnostic(
      `agreement on PEP 440 versions: ${(agreement * 100).toFixed(3)}% (${misses.length} misses)`,
    );
    for (const m of misses) {
      const events = m.ranges
        .map((r) => r.events.map((e) => Object.entries(e).flat().join(' ')).join(', '))
        .join(' | ');
      t.diagnostic(`miss ${m.id} ${m.name} ${m.version} → ${String(m.verdict)}; ranges: ${events}`);
    }

    assert.deepEqual(
      py.valid.filter((v) => v),
      [],
      'packaging accepts a version our parser rejects',
    );
    assert.deepEqual(
      comparatorDiffs,
      [],
      'our PEP 440 order differs from packaging on corpus pairs',
    );
    assert.ok(
      agreement >= MIN_AGREEMENT,
      `agreement ${(agreement * 100).toFixed(3)}% is below ${MIN_AGREEMENT * 100}%`,
    );
  });
});
