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

/** Unrounded share of passed pairs, 0–1; undefined when the control judged nothing. */
function passedShare(outcome: ScoredOutcome): number | undefined {
  const passed = passedOf(outcome.counts);
  const judged = passed + outcome.counts.failed;
  return judged === 0 ? undefined : passed / judged;
}

/**
 * A control's score: the share of resources it judged that passed (or were excepted), 0–100.
 * Skipped and errored resources are not judged. Undefined when the control judged nothing.
 */
export function controlScore(outcome: ScoredOutcome): number | undefined {
  const share = passedShare(outcome);
  return share === undefined ? undefined : percent(share, 1);
}

/**
 * Compliance score of a set of controls, 0–100: the unweighted mean of the scores of the controls
 * that judged something, each control counting once however many resources it judged (Kubescape's
 * "compliance score", except that a control which judged nothing is left out rather than counted
 * as 0). Means the unrounded shares and rounds once. Undefined when no control judged anything.
 */
export function complianceScore(outcomes: readonly ScoredOutcome[]): number | undefined {
  let sum = 0;
  let count = 0;
  for (const outcome of outcomes) {
    const share = passedShare(outcome);
    if (share === undefined) continue;
    sum += share;
    count++;
  }
  return count === 0 ? undefined : percent(sum, count);
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
