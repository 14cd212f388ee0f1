// Conformance against the reference fixtures of kubernetes/pod-security-admission: every `fail`
// pod must be rejected and every `pass` pod allowed, at its level and policy version.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import type { PodLike, PssCheckId, PssLevel, PssVersion } from '../../src/pss/index.js';
import {
  activePssChecks,
  evaluatePodSecurity,
  PSS_CHECKS,
  tryParsePssVersion,
} from '../../src/pss/index.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/psa/', import.meta.url));
const INDEX = join(CORPUS, '_derived', 'psa-fixtures.json');

interface Fixture {
  readonly path: string;
  readonly level: PssLevel;
  readonly version: PssVersion;
  readonly expect: 'pass' | 'fail';
  readonly checkId: PssCheckId | null;
}

function readIndex(): Fixture[] {
  const raw = JSON.parse(readFileSync(INDEX, 'utf8')) as { fixtures: Record<string, unknown>[] };
  return raw.fixtures.map((entry) => {
    const version = tryParsePssVersion(entry['version']);
    const { path, level, expect, check_id: checkId } = entry;
    assert.ok(typeof path === 'string', `fixture entry without a path: ${JSON.stringify(entry)}`);
    assert.ok(level === 'baseline' || level === 'restricted', `${path}: unknown level`);
    assert.ok(expect === 'pass' || expect === 'fail', `${path}: unknown expectation`);
    assert.ok(version !== undefined, `${path}: version ${String(entry['version'])} not understood`);
    return { path, level, version, expect, checkId: checkId as PssCheckId | null };
  });
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => relative(CORPUS, join(dir, name)).split('\\').join('/'));
}

const OVERRIDDEN_BY = new Map<PssCheckId, PssCheckId[]>();
for (const check of PSS_CHECKS) {
  for (const id of check.overrides)
    OVERRIDDEN_BY.set(id, [...(OVERRIDDEN_BY.get(id) ?? []), check.id]);
}

/** Why the fixture disagrees with us, or undefined when it agrees. */
function judge(fixture: Fixture, pod: PodLike): string | undefined {
  const failed = evaluatePodSecurity(pod, fixture.level, fixture.version).map((r) => r.checkId);
  if (fixture.expect === 'pass') {
    return failed.length === 0 ? undefined : `expected allowed, rejected by ${failed.join(', ')}`;
  }
  if (failed.length === 0) return 'expected rejected, allowed';
  const expected = fixture.checkId;
  if (expected === null) return undefined;
  if (failed.includes(expected)) {
    totals.idDirect += 1;
    return undefined;
  }
  // At restricted level some baseline checks are replaced by stricter ones; the fixture named
  // after the baseline check is then rejected under the replacing check's id.
  const replaced = !activePssChecks(fixture.level, fixture.version).includes(expected);
  const replacements = OVERRIDDEN_BY.get(expected) ?? [];
  if (replaced && failed.some((id) => replacements.includes(id))) {
    totals.idViaOverride += 1;
    return undefined;
  }
  return `expected check ${expected}, rejected by ${failed.join(', ')}`;
}

const totals = { fixtures: 0, agree: 0, idDirect: 0, idViaOverride: 0 };
const evaluated: { pod: PodLike; level: PssLevel; version: PssVersion }[] = [];

if (!existsSync(INDEX)) {
  test('psa corpus is present', () => {
    assert.fail(
      `PSA conformance corpus not found at ${CORPUS}: expected shared/corpus/psa beside the repository ` +
        '(CI clones it there). Refusing to pass without it.',
    );
  });
} else {
  const fixtures = readIndex();
  test('psa index lists exactly the fixture files on disk', () => {
    const onDisk = yamlFilesUnder(join(CORPUS, 'test', 'testdata')).sort();
    const listed = fixtures.map((f) => f.path).sort();
    assert.deepEqual(listed, onDisk);
    assert.ok(fixtures.length > 4000, `only ${fixtures.length} fixtures: corpus looks truncated`);
  });

  const groups = new Map<string, Fixture[]>();
  for (const fixture of fixtures) {
    const key = `${fixture.level} ${fixture.version}`;
    groups.set(key, [...(groups.get(key) ?? []), fixture]);
  }
  for (const [name, group] of groups) {
    test(`psa ${name}: ${group.length} fixtures`, () => {
      const disagreements: string[] = [];
      for (const fixture of group) {
        const pod = load(readFileSync(join(CORPUS, fixture.path), 'utf8')) as PodLike;
        evaluated.push({ pod, level: fixture.level, version: fixture.version });
        const problem = judge(fixture, pod);
        totals.fixtures += 1;
        if (problem === undefined) totals.agree += 1;
        else disagreements.push(`${fixture.path}: ${problem}`);
      }
      assert.equal(
        disagreements.length,
        0,
        `disagreeing fixtures:\n  ${disagreements.join('\n  ')}`,
      );
    });
  }
}

/** Mean time of one evaluation over every parsed fixture, once the code is warm. */
function microsecondsPerPod(rounds: number): number {
  if (evaluated.length === 0) return 0;
  const started = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) {
    for (const { pod, level, version } of evaluated) evaluatePodSecurity(pod, level, version);
  }
  return Number(process.hrtime.bigint() - started) / (rounds * evaluated.length) / 1000;
}

after(() => {
  microsecondsPerPod(2);
  const micros = microsecondsPerPod(10);
  console.log(`psa conformance: ${totals.agree}/${totals.fixtures} fixtures agree`);
  console.log(
    `psa conformance: rejected under the fixture's check id ${totals.idDirect}, ` +
      `under the restricted check replacing it ${totals.idViaOverride}`,
  );
  console.log(
    `psa conformance: ${micros.toFixed(2)} µs per pod evaluation (warm, ${evaluated.length} pods x 10)`,
  );
});
