/** Kyverno wildcards: `*` matches any run of characters, `?` exactly one. */

/**
 * True when `text` matches the wildcard `pattern` as a whole. Greedy matching that, on a
 * mismatch, only retries from the last `*`: time is bounded by pattern × text length (no
 * backtracking blow-up, like RE2), and `?` matches one code point, as Go's runes do.
 */
export function wildcardMatch(pattern: string, text: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === text;
  const p = Array.from(pattern);
  const t = Array.from(text);
  let pi = 0;
  let ti = 0;
  let star = -1;
  let resume = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === t[ti]))) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = ti;
    } else if (star !== -1) {
      pi = star + 1;
      ti = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}
