/**
 * A path into a JSON value as segments: object keys are strings, array indexes numbers. Build
 * longer paths with `path.concat(...)`: V8 gives an array literal with a spread about twice the
 * room it needs, and every finding keeps its path until the report is written.
 */
export type JsonPath = readonly (string | number)[];

/** RFC 6901 JSON Pointer, e.g. `/spec/containers/0/image`. */
export function toJsonPointer(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    out += '/' + String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
  }
  return out;
}

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** Dotted form for people, e.g. `spec.containers[0].securityContext`. */
export function toDotted(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Reads the value at `path`, or undefined when any segment is missing. */
export function getAt(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (typeof segment !== 'number') return undefined;
      current = current[segment];
    } else {
      if (typeof segment !== 'string' || !Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/** Whether two paths name the same place: the same steps, numbers and strings told apart. */
export function samePath(a: JsonPath, b: JsonPath): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
