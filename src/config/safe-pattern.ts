/**
 * User-supplied regular expressions, accepted only in shapes whose matching time stays bounded:
 * JavaScript regexes backtrack, so a pattern like `(a+)+$` can hang a scan on one crafted value.
 */

/** Longest pattern source accepted. */
export const MAX_PATTERN_LENGTH = 256;
/** Unbounded repetitions (`*`, `+`, `{n,}`) allowed in one pattern. */
export const MAX_UNBOUNDED_QUANTIFIERS = 2;
/** User patterns see at most this much of a value, which bounds even polynomial backtracking. */
export const MAX_PATTERN_SUBJECT = 1024;

interface GroupFrame {
  repeats: boolean;
  alternates: boolean;
}

/** Reads the quantifier starting at `index`: its length and whether it can repeat more than once. */
function quantifierAt(
  source: string,
  index: number,
): { length: number; repeats: boolean; unbounded: boolean } | undefined {
  const char = source[index];
  if (char === '*' || char === '+') return { length: 1, repeats: true, unbounded: true };
  if (char === '?') return { length: 1, repeats: false, unbounded: false };
  if (char !== '{') return undefined;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(index));
  if (match === null) return undefined;
  const hasComma = match[2] !== undefined;
  const upper = match[3];
  const unbounded = hasComma && (upper === undefined || upper === '');
  const max = hasComma ? (unbounded ? Infinity : Number(upper)) : Number(match[1]);
  return { length: match[0].length, repeats: max > 1, unbounded };
}

/** Index just past the character class that opens at `index`. */
function skipClass(source: string, index: number): number {
  let i = index + 1;
  if (source[i] === '^') i += 1;
  if (source[i] === ']') i += 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Why a pattern's shape is refused, or undefined when it is acceptable. */
function shapeProblem(source: string): string | undefined {
  if (/\\[1-9]|\\k</.test(source)) return 'backreferences are not supported';
  const stack: GroupFrame[] = [{ repeats: false, alternates: false }];
  let unbounded = 0;
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    let atomEnd = i + 1;
    let closed: GroupFrame | undefined;
    if (char === '\\') atomEnd = i + 2;
    else if (char === '[') atomEnd = skipClass(source, i);
    else if (char === '(') {
      stack.push({ repeats: false, alternates: false });
      i += 1;
      continue;
    } else if (char === ')') {
      closed = stack.length > 1 ? stack.pop() : undefined;
    } else if (char === '|') {
      const top = stack.at(-1);
      if (top !== undefined) top.alternates = true;
      i += 1;
      continue;
    }
    const quantifier = quantifierAt(source, atomEnd);
    const top = stack.at(-1);
    if (quantifier !== undefined) {
      if (quantifier.unbounded) unbounded += 1;
      if (quantifier.repeats && closed?.repeats === true)
        return 'a repeated group may not contain another repetition (nested quantifiers)';
      if (quantifier.repeats && closed?.alternates === true)
        return 'a repeated group may not contain alternatives (use a character class)';
      if (quantifier.repeats && top !== undefined) top.repeats = true;
      atomEnd += quantifier.length;
      // A lazy or possessive marker after the quantifier.
      if (source[atomEnd] === '?') atomEnd += 1;
    }
    if (closed?.repeats === true && top !== undefined) top.repeats = true;
    i = atomEnd;
  }
  if (unbounded > MAX_UNBOUNDED_QUANTIFIERS)
    return `at most ${MAX_UNBOUNDED_QUANTIFIERS} unbounded repetitions (*, +, {n,}) are allowed; use bounded ones such as {1,64}`;
  return undefined;
}

/**
 * Compiles a user pattern, or returns why it is refused: too long, not a valid JavaScript regex,
 * a shape that can backtrack catastrophically, or one that matches the empty string (it would
 * flag every value).
 */
export function compileSafePattern(source: string): RegExp | string {
  if (source.length === 0) return 'the pattern is empty';
  if (source.length > MAX_PATTERN_LENGTH)
    return `the pattern is ${source.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed`;
  let pattern: RegExp;
  try {
    pattern = new RegExp(source);
  } catch (error) {
    return `not a valid regular expression (${error instanceof Error ? error.message : String(error)})`;
  }
  const problem = shapeProblem(source);
  if (problem !== undefined) return problem;
  if (pattern.test('')) return 'the pattern matches the empty string, so it would flag every value';
  return pattern;
}

/** Tests a user pattern against the bounded start of a value. */
export function testUserPattern(pattern: RegExp, value: string): boolean {
  return pattern.test(
    value.length > MAX_PATTERN_SUBJECT ? value.slice(0, MAX_PATTERN_SUBJECT) : value,
  );
}
