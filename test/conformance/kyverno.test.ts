// Conformance against the Kyverno CLI tests of kyverno/policies: every expected result (policy,
// rule, resource → pass/fail/skip) of every validate-only test, ClusterPolicy/Policy or
// ValidatingPolicy, must be reproduced.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { setKyvernoClock } from '../../src/policy/kyverno/index.js';
import { runCorpus, type Comparison } from '../policy/kyverno/corpus-harness.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/kyverno-policies/', import.meta.url));
/**
 * Measured agreement, rounded down; raise it when the evaluator improves. ValidatingPolicies
 * that read image registries (`image.GetMetadata`) are unsupported skips, hence not 100.
 */
const MIN_AGREEMENT = 99;
const MIN_COMPARISONS = 4600;

/** Time functions read the corpus commit date, so date-dependent expectations stay stable. */
function corpusDate(): number {
  const source = JSON.parse(readFileSync(join(CORPUS, '_SOURCE.json'), 'utf8')) as {
    sources?: { commit_date?: string }[];
  };
  const date = Date.parse(source.sources?.[0]?.commit_date ?? '');
  assert.ok(!Number.isNaN(date), 'corpus _SOURCE.json has no commit date');
  return date;
}

function agreement(list: readonly Comparison[]): string {
  const agreed = list.filter((c) => c.expected === c.actual).length;
  return `${agreed}/${list.length} (${((100 * agreed) / Math.max(1, list.length)).toFixed(2)} %)`;
}

test('kyverno/policies CLI tests: expected rule results are reproduced', async () => {
  assert.ok(existsSync(CORPUS), `Kyverno corpus missing at ${CORPUS}`);
  const previous = setKyvernoClock(corpusDate);
  let all;
  try {
    all = await runCorpus(CORPUS);
  } finally {
    setKyvernoClock(previous);
  }
  // Expectations naming a rule the policy does not have cannot be reproduced by Kyverno either.
  const broken = all.comparisons.filter((c) => c.actual === 'no-such-rule');
  for (const c of broken)
    console.log(`corpus error: ${c.test} expects rule ${c.rule}, not in the policy`);
  const run = { ...all, comparisons: all.comparisons.filter((c) => c.actual !== 'no-such-rule') };
  const byCategory = new Map<string, Comparison[]>();
  for (const c of run.comparisons)
    byCategory.set(c.category, [...(byCategory.get(c.category) ?? []), c]);
  for (const [category, list] of [...byCategory].sort())
    console.log(`${category}: ${agreement(list)}`);
  const byKind = new Map<string, Comparison[]>();
  for (const c of run.comparisons) {
    const kind = c.policyKind ?? 'unknown';
    byKind.set(kind, [...(byKind.get(kind) ?? []), c]);
  }
  for (const [kind, list] of [...byKind].sort()) console.log(`${kind}: ${agreement(list)}`);
  const reasons = new Map<string, number>();
  for (const { reason } of run.excluded) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  console.log(`excluded tests: ${run.excluded.length}`, Object.fromEntries(reasons));
  const skipReasons = new Map<string, number>();
  for (const c of run.comparisons) {
    if (c.actual === 'skip' && /not evaluated|needs cluster data|^unsupported:/.test(c.message)) {
      const key = c.message.replace(/context entry \S+/, 'context entry');
      skipReasons.set(key, (skipReasons.get(key) ?? 0) + 1);
    }
  }
  console.log('unsupported features met:', Object.fromEntries(skipReasons));
  for (const c of run.comparisons.filter((x) => x.expected !== x.actual)) {
    console.log(
      `  MISMATCH ${c.test} ${c.rule} ${c.resource}: expected ${c.expected}, got ${c.actual} — ${c.message.slice(0, 160)}`,
    );
  }
  const agreed = run.comparisons.filter((c) => c.expected === c.actual).length;
  console.log(`overall: ${agreement(run.comparisons)}`);
  assert.ok(
    run.comparisons.length >= MIN_COMPARISONS,
    `only ${run.comparisons.length} comparisons`,
  );
  assert.ok((100 * agreed) / run.comparisons.length >= MIN_AGREEMENT);
});
