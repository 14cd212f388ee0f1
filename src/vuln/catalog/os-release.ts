import type { Distro } from '../inventory/types.js';

/**
 * Parses an os-release file (shell-like `KEY=value` lines, values optionally quoted).
 * Returns `undefined` when no `ID` is present.
 */
export function parseOsRelease(text: string): Distro | undefined {
  const values = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    let value = line.slice(eq + 1).trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2)
      value = value.slice(1, -1);
    if (quote === '"') value = value.replace(/\\(["\\$`])/g, '$1');
    values.set(line.slice(0, eq), value);
  }
  const id = values.get('ID')?.toLowerCase();
  if (id === undefined || id === '') return undefined;
  const optional = (key: string, field: keyof Distro): Partial<Distro> => {
    const value = values.get(key);
    return value === undefined || value === '' ? {} : { [field]: value };
  };
  return {
    id,
    ...optional('VERSION_ID', 'versionId'),
    ...optional('VERSION_CODENAME', 'versionCodename'),
    ...optional('PRETTY_NAME', 'prettyName'),
  };
}
