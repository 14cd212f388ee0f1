export { applyExceptions, NO_EXCEPTIONS } from './apply.js';
export type { ApplyExceptionsOptions, ExceptionOutcome } from './apply.js';
export { EXCEPTION_API_VERSION, EXCEPTION_KIND } from './cubecape.js';
export { parseExpiry } from './document.js';
export { IGNORE_ANNOTATION, IGNORE_REASON_ANNOTATION, inlineRule } from './inline.js';
export { isKubescapeDocument, KUBESCAPE_POLICY_TYPE } from './kubescape.js';
export { loadExceptions } from './load.js';
export { effectiveNamespace, resourceMatches, ruleMatches } from './match.js';
export type {
  ExceptionCatalog,
  ExceptionRule,
  ExceptionSource,
  ExceptionText,
  LoadedExceptions,
  ResourceMatcher,
  StringMatcher,
} from './types.js';
