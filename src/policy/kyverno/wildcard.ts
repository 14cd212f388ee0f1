/** Kyverno wildcards: `*` matches any run of characters, `?` exactly one. */

const compiled = new Map<string, RegExp>();
const MAX_CACHED = 4096;

/** True when `text` matches the wildcard `pattern` as a whole. */
export function wildcardMatch(pattern: string, text: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === text;
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    const source = pattern
      .split('')
      .map((char) => {
        if (char === '*') return '[\\s\\S]*';
        if (char === '?') return '[\\s\\S]';
        return char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    regex = new RegExp(`^${source}$`);
    if (compiled.size < MAX_CACHED) compiled.set(pattern, regex);
  }
  return regex.test(text);
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}
