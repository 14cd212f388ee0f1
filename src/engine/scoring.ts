import { SEVERITY_WEIGHT } from '../core/severity.js';
import type { ControlOutcome } from './evaluate.js';

/** Rounds a percentage to one decimal, as reports show it. */
function percent(part: number, whole: number): number {
  return Math.round((part / whole) * 1000) / 10;
}

/**
 * A control's score: the share of resources it judged that passed, 0–100. Skipped and errored
 * resources are not judged. Undefined when the control judged nothing.
 */
export function controlScore(outcome: ControlOutcome): number | undefined {
  const judged = outcome.counts.passed + outcome.counts.failed;
  return judged === 0 ? undefined : percent(outcome.counts.passed, judged);
}

/**
 * Severity-weighted share of passed (resource, control) pairs over a set of controls, 0–100:
 * a failing critical control costs ten times a failing low one. When every judged control is
 * `info` (weight 0) the pairs count equally. Undefined when nothing was judged.
 */
export function weightedScore(outcomes: readonly ControlOutcome[]): number | undefined {
  let passed = 0;
  let judged = 0;
  let plainPassed = 0;
  let plainJudged = 0;
  for (const { control, counts } of outcomes) {
    const weight = SEVERITY_WEIGHT[control.severity];
    passed += weight * counts.passed;
    judged += weight * (counts.passed + counts.failed);
    plainPassed += counts.passed;
    plainJudged += counts.passed + counts.failed;
  }
  if (judged > 0) return percent(passed, judged);
  return plainJudged === 0 ? undefined : percent(plainPassed, plainJudged);
}
