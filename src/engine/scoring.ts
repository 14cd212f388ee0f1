import { SEVERITY_WEIGHT, type Severity } from '../core/severity.js';

/**
 * What scoring needs of a control's outcome. `excepted` pairs count as passed: the risk was
 * accepted on purpose (docs/formats.md, Scores). A ControlOutcome is one.
 */
export interface ScoredOutcome {
  readonly control: { readonly severity: Severity };
  readonly counts: { readonly passed: number; readonly failed: number; readonly excepted?: number };
}

function passedOf(counts: ScoredOutcome['counts']): number {
  return counts.passed + (counts.excepted ?? 0);
}

/** Rounds a percentage to one decimal, as reports show it. */
function percent(part: number, whole: number): number {
  return Math.round((part / whole) * 1000) / 10;
}

/**
 * A control's score: the share of resources it judged that passed (or were excepted), 0–100.
 * Skipped and errored resources are not judged. Undefined when the control judged nothing.
 */
export function controlScore(outcome: ScoredOutcome): number | undefined {
  const passed = passedOf(outcome.counts);
  const judged = passed + outcome.counts.failed;
  return judged === 0 ? undefined : percent(passed, judged);
}

/**
 * Severity-weighted share of passed (resource, control) pairs over a set of controls, 0–100:
 * a failing critical control costs ten times a failing low one. When every judged control is
 * `info` (weight 0) the pairs count equally. Undefined when nothing was judged.
 */
export function weightedScore(outcomes: readonly ScoredOutcome[]): number | undefined {
  let passed = 0;
  let judged = 0;
  let plainPassed = 0;
  let plainJudged = 0;
  for (const { control, counts } of outcomes) {
    const weight = SEVERITY_WEIGHT[control.severity];
    const pairsPassed = passedOf(counts);
    passed += weight * pairsPassed;
    judged += weight * (pairsPassed + counts.failed);
    plainPassed += pairsPassed;
    plainJudged += pairsPassed + counts.failed;
  }
  if (judged > 0) return percent(passed, judged);
  return plainJudged === 0 ? undefined : percent(plainPassed, plainJudged);
}
