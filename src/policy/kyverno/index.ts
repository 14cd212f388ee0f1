/**
 * Kyverno validate policies, evaluated offline: loading, per-rule evaluation and controls.
 */
export { loadKyvernoPolicies, isKyvernoPolicy } from './load.js';
export { evaluateKyverno } from './evaluate.js';
export { parseKyvernoValues } from './values.js';
export { setKyvernoClock } from './time-functions.js';
export type {
  KyvernoEvalContext,
  KyvernoLoadProblem,
  KyvernoPolicy,
  KyvernoRule,
  KyvernoRuleResult,
  KyvernoValues,
} from './types.js';
export { kyvernoControlId, kyvernoControls } from './controls.js';
