/** One `Key: value` paragraph of a Debian control-style file, with the line it starts on. */
export interface Stanza {
  readonly line: number;
  readonly fields: ReadonlyMap<string, string>;
}

/**
 * Splits a Debian control-style file (dpkg `status`) into paragraphs. Field names are kept
 * as written; continuation lines (starting with a space or tab) are joined with newlines.
 * Lines that are neither a field nor a continuation are reported through `bad`.
 */
export function parseStanzas(text: string, bad: (line: number, message: string) => void): Stanza[] {
  const stanzas: Stanza[] = [];
  let fields = new Map<string, string>();
  let start = 1;
  let last: string | undefined;
  const flush = (): void => {
    if (fields.size > 0) stanzas.push({ line: start, fields });
    fields = new Map();
    last = undefined;
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line.trim() === '') {
      flush();
      start = i + 2;
      continue;
    }
    // deb822 allows comment lines; dpkg never writes them but hand-made files have them.
    if (line.startsWith('#')) continue;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (last === undefined) bad(i + 1, 'continuation line outside a field');
      else fields.set(last, `${fields.get(last) ?? ''}\n${line.slice(1)}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      bad(i + 1, `expected "Field: value", got "${line.slice(0, 60)}"`);
      continue;
    }
    last = line.slice(0, colon);
    fields.set(last, line.slice(colon + 1).trim());
  }
  flush();
  return stanzas;
}
