import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the vulnerability database lives unless `--db` says otherwise: `$CUBECAPE_DB`, else
 * `$XDG_DATA_HOME/cubecape/vuln.db`, else `~/.local/share/cubecape/vuln.db`.
 */
export function defaultDbPath(env: Readonly<Record<string, string | undefined>>): string {
  const explicit = env['CUBECAPE_DB'];
  if (explicit !== undefined && explicit !== '') return explicit;
  const xdg = env['XDG_DATA_HOME'];
  // The XDG spec says relative values are invalid and must be ignored.
  const base =
    xdg !== undefined && xdg.startsWith('/')
      ? xdg
      : join(env['HOME'] ?? homedir(), '.local', 'share');
  return join(base, 'cubecape', 'vuln.db');
}
