/**
 * CEL fragments shared by the exported policies. They are written for the API server, where
 * objects are schema-validated: `.?field.orValue(...)` covers absent fields, and scalar `type()`
 * tests (which mean the same in Kubernetes as in our evaluator) stand in for JSON type checks.
 * `type(x) == map` is avoided because schema-typed objects are not `map` in Kubernetes.
 */

/** True when `expr` is an object: not null, a scalar or a list. */
export function isObject(expr: string): string {
  return `!(type(${expr}) in [null_type, bool, int, uint, double, string, bytes, list])`;
}

/** True when `expr` (possibly null) is an int or a double. */
export function isNumber(expr: string): string {
  return `(type(${expr}) == int || type(${expr}) == double)`;
}

/** A field of the container's securityContext, else `fallback`. */
export function containerSc(field: string, fallback: string): string {
  return `c.?securityContext.?${field}.orValue(${fallback})`;
}

/** A field of the pod's securityContext, else `fallback`. */
export function podSc(field: string, fallback: string): string {
  return `variables.podSpec.?securityContext.?${field}.orValue(${fallback})`;
}

/**
 * An image reference with no digest whose tag is missing, empty or `latest` (tag = text after
 * the last `:` that follows the last `/`; a non-empty text after the first `@` is a digest).
 */
const FLOATING_RE = '^(?:[^@]*/)?(?:[^@/:]*|[^@/]*:(?:latest)?)@?$';
/** References with an empty repository path, which do not parse as images at all. */
const NOT_AN_IMAGE = "['', ':', ':latest', '@', ':@', ':latest@']";

/** True when the container's image is a string that floats (latest or no tag, no digest). */
export function floatingImage(): string {
  return (
    `(type(c.?image.orValue(null)) == string && c.image.trim().matches('${FLOATING_RE}')` +
    ` && !(c.image.trim() in ${NOT_AN_IMAGE}))`
  );
}
