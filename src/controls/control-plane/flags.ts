import type { JsonPath } from '../../core/json-path.js';

/** One command-line flag as the component will see it, with where its last occurrence is written. */
export interface FlagValue {
  /** The value; `true` for a bare flag (`--profiling`), as Go's flag packages read it. */
  readonly value: string;
  /** The list element holding the flag name, e.g. `[..., 'command', 3]`. */
  readonly path: JsonPath;
  /** How the flag is written, for evidence: `--profiling=true`. */
  readonly text: string;
}

/** The flags of one component invocation; lookups take names without dashes. */
export interface FlagSet {
  get(name: string): FlagValue | undefined;
  has(name: string): boolean;
  readonly names: readonly string[];
}

/** One whitespace-separated word of a container's command line and the element it came from. */
export interface CommandToken {
  readonly text: string;
  readonly path: JsonPath;
}

/**
 * Splits the strings of a command or args list into words. Elements holding several words
 * (`sh -c "kube-apiserver --a=1 --b"`) are split on whitespace, so flags written inside a shell
 * string are still found; quotes are dropped. Entries that are not strings are ignored.
 */
export function tokensOf(list: unknown, path: JsonPath): CommandToken[] {
  const items = typeof list === 'string' ? [list] : Array.isArray(list) ? list : [];
  const out: CommandToken[] = [];
  items.forEach((item: unknown, index) => {
    if (typeof item !== 'string') return;
    const elementPath = typeof list === 'string' ? path : path.concat(index);
    for (const word of item.split(/\s+/)) {
      const text = word.replace(/^['"]+|['"]+$/g, '');
      if (text !== '') out.push({ text, path: elementPath });
    }
  });
  return out;
}

function flagName(token: string): string | undefined {
  const match = /^--?([A-Za-z][\w.-]*)(?:=|$)/.exec(token);
  return match?.[1];
}

/**
 * Reads flags from the words after a component's binary. Accepts `--flag=value`, `--flag value`
 * (the next word, when it is not itself a flag), bare `--flag` (true) and Go's single-dash
 * spelling; a repeated flag keeps its last value, as the components do. Words that are not
 * flags are skipped.
 */
export function parseFlags(tokens: readonly CommandToken[]): FlagSet {
  const flags = new Map<string, FlagValue>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    const name = flagName(token.text);
    if (name === undefined) continue;
    const equals = token.text.indexOf('=');
    let value: string;
    let text: string;
    if (equals !== -1) {
      value = token.text.slice(equals + 1);
      text = token.text;
    } else {
      const next = tokens[i + 1];
      if (next !== undefined && flagName(next.text) === undefined) {
        value = next.text;
        text = `${token.text} ${next.text}`;
        i++;
      } else {
        value = 'true';
        text = token.text;
      }
    }
    flags.delete(name);
    flags.set(name, { value, path: token.path, text });
  }
  return {
    get: (name) => flags.get(name),
    has: (name) => flags.has(name),
    names: [...flags.keys()],
  };
}

/** Splits a comma-separated flag value into its trimmed, non-empty items. */
export function listItems(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A Go boolean flag value (`true`, `1`, `t`, `TRUE`…), or undefined when it is not one. */
export function parseGoBool(value: string): boolean | undefined {
  const lower = value.trim().toLowerCase();
  if (['1', 't', 'true'].includes(lower)) return true;
  if (['0', 'f', 'false'].includes(lower)) return false;
  return undefined;
}
