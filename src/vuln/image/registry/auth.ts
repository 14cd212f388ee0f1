import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Credentials for basic auth and token requests. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** Credentials from the options, or else from `~/.docker/config.json` `auths` (base64 user:pass). */
export async function findCredentials(
  registry: string,
  username: string | undefined,
  password: string | undefined,
): Promise<Credentials | undefined> {
  if (username !== undefined) return { username, password: password ?? '' };
  const file = join(process.env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const config = JSON.parse(text) as { auths?: Record<string, { auth?: string }> };
    const keys =
      registry === 'registry-1.docker.io'
        ? ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', registry]
        : [registry, `https://${registry}`, `http://${registry}`];
    for (const key of keys) {
      const auth = config.auths?.[key]?.auth;
      if (auth === undefined) continue;
      const decoded = Buffer.from(auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0)
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Parses `Bearer realm="…",service="…",scope="…"` into its parameters. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const space = header.indexOf(' ');
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const params: Record<string, string> = {};
  for (const match of header.slice(space + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    const [, key, value] = match;
    if (key !== undefined && value !== undefined) params[key] = value;
  }
  return { scheme, params };
}
