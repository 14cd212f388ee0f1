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
export {
  isValidatingPolicy,
  loadValidatingPolicies,
  VPOL_API_VERSIONS,
  type ValidatingPolicy,
  type VpolLoadProblem,
  type VpolVariant,
} from './validating-policy-load.js';
export {
  evaluateValidatingPolicy,
  selectsResource,
  type VpolContext,
  type VpolResult,
} from './validating-policy.js';
export { validatingPolicyControls, vpolControlId } from './validating-policy-controls.js';
