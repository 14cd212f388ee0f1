/**
 * A real registry for tests: `docker-registry` (distribution) on loopback, images pushed with
 * `skopeo copy`; shared by the registry, scan --images and SBOM tests. CI installs both
 * (.ci/run); a missing tool fails loudly rather than hiding the tests.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const REGISTRY_TOOLS = ['/usr/bin/docker-registry', '/usr/bin/skopeo'] as const;

/** Throws naming the tools that are not installed. */
export function requireTools(...tools: readonly string[]): void {
  const missing = tools.filter((tool) => !existsSync(tool));
  if (missing.length > 0) {
    throw new Error(
      `required test tools are missing: ${missing.join(', ')}; install docker-registry, skopeo and apache2-utils (as .ci/run does)`,
    );
  }
}

/** A loopback TCP port nothing listens on (asked of the kernel, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address !== null) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

export interface Registry {
  /** `127.0.0.1:PORT`. */
  readonly host: string;
  readonly storage: string;
  readonly process: ChildProcess;
}

/** Starts docker-registry with filesystem storage under `work`; optional htpasswd auth. */
export async function startRegistry(work: string, auth?: string): Promise<Registry> {
  const port = await freePort();
  const storage = await mkdtemp(join(work, 'storage-'));
  const config = join(storage, '..', `registry-${String(port)}.yml`);
  await writeFile(
    config,
    [
      'version: 0.1',
      'log: { level: error }',
      `storage: { filesystem: { rootdirectory: ${storage} } }`,
      `http: { addr: 127.0.0.1:${String(port)} }`,
      ...(auth === undefined ? [] : [`auth: { htpasswd: { realm: test, path: ${auth} } }`]),
    ].join('\n'),
  );
  const child = spawn('/usr/bin/docker-registry', ['serve', config], { stdio: 'ignore' });
  const host = `127.0.0.1:${String(port)}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const ok = await fetch(`http://${host}/v2/`).then(
      (response) => response.status < 500,
      () => false,
    );
    if (ok) return { host, storage, process: child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error('docker-registry did not start');
}

/** Pushes an OCI archive to `destination` (`HOST/REPO:TAG`) over plain HTTP. */
export function push(archive: string, destination: string, extra: readonly string[] = []): void {
  execFileSync(
    'skopeo',
    [
      'copy',
      '--quiet',
      '--all',
      '--dest-tls-verify=false',
      ...extra,
      `oci-archive:${archive}`,
      `docker://${destination}`,
    ],
    { stdio: 'pipe' },
  );
}
