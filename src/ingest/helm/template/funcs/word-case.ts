/**
 * Word-case conversions with the word splitting of huandu/xstrings (used by sprig's snakecase,
 * kebabcase and camelcase): case changes, upper-case runs and digits split words.
 */

/** Splits an identifier-like string into lower-cased words. */
function words(s: string): string[] {
  const out: string[] = [];
  for (const chunk of s.split(/[^\p{L}\p{Nd}]+/u)) {
    if (chunk === '') continue;
    // upper-run before a capitalised word, lower→upper, and letter/digit boundaries
    const parts =
      chunk.match(
        /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{Nd}[\p{Nd}\p{Ll}]*|[^\p{Lu}\p{Ll}\p{Nd}]+/gu,
      ) ?? [];
    let prevWasLetters = false;
    for (const part of parts) {
      const isDigits = /^\p{Nd}+$/u.test(part);
      const last = out[out.length - 1];
      // "Bld4Floor" keeps the digits with the preceding word.
      if (isDigits && prevWasLetters && last !== undefined) {
        out[out.length - 1] = last + part;
        prevWasLetters = false;
        continue;
      }
      out.push(part.toLowerCase());
      prevWasLetters = !isDigits && !/^\p{Nd}/u.test(part);
    }
  }
  return out;
}

export function toSnakeCase(s: string): string {
  return words(s).join('_');
}

export function toKebabCase(s: string): string {
  return words(s).join('-');
}

/** xstrings.ToPascalCase: each word capitalised, the rest of it lower-cased. */
export function toPascalCase(s: string): string {
  return words(s)
    .map((w) => {
      const [first = '', ...rest] = Array.from(w);
      return first.toUpperCase() + rest.join('');
    })
    .join('');
}
