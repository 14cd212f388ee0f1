// Builds and runs the test-only Go version oracle (go-semver-oracle/, golang.org/x/mod/semver).
// The binary is cached under ~/.cache/cubecape/go-semver-oracle-<hash of its sources>, so only
// the first run on a machine pays for `go build`; a changed source builds a fresh one.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { runTool } from './oracle.js';

const SOURCE = fileURLToPath(new URL('./go-semver-oracle/', import.meta.url));
const FILES = ['go.mod', 'go.sum', 'main.go'];
const INSTALL = 'install Go 1.25+ (https://go.dev/dl/) and put `go` on PATH';

/** One oracle answer: `semver.Compare` and `semver.IsValid` for both sides. */
export interface GoAnswer {
  readonly order: number;
  readonly validA: boolean;
  readonly validB: boolean;
}

function goCommand(): string {
  const probe = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (probe.error === undefined && probe.status === 0) return 'go';
  // CI and these machines install Go in its default place without always adding it to PATH.
  const fallback = '/usr/local/go/bin/go';
  if (existsSync(fallback)) return fallback;
  throw new Error(`the Go version oracle needs the go command, which is missing; ${INSTALL}`);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path of the oracle binary, building it first when the cache has none for these sources. */
export function goOracleBinary(): string {
  const hash = createHash('sha256');
  for (const file of FILES) hash.update(file).update(readFileSync(join(SOURCE, file)));
  const cacheRoot = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  const dir = join(cacheRoot, 'cubecape', `go-semver-oracle-${hash.digest('hex').slice(0, 12)}`);
  const binary = join(dir, 'go-semver-oracle');
  if (isExecutable(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  // Build to a private name and rename, so concurrent test processes never run a partial file.
  const partial = `${binary}.${process.pid}.tmp`;
  const build = spawnSync(goCommand(), ['build', '-trimpath', '-o', partial, '.'], {
    cwd: SOURCE,
    encoding: 'utf8',
    env: { ...process.env, GOFLAGS: '-mod=readonly -buildvcs=false', CGO_ENABLED: '0' },
  });
  if (build.error !== undefined || build.status !== 0) {
    throw new Error(
      `building the Go version oracle in ${SOURCE} failed (${build.error?.message ?? build.stderr}); ` +
        'it fetches golang.org/x/mod from the Go module proxy on first use',
    );
  }
  renameSync(partial, binary);
  return binary;
}

/** Asks golang.org/x/mod/semver about every pair in one process. */
export function goOracle(pairs: readonly (readonly [string, string])[]): GoAnswer[] {
  const bad = pairs.flat().find((v) => /[\t\n\r]/.test(v));
  if (bad !== undefined) throw new Error(`oracle input cannot hold tabs or newlines: ${bad}`);
  const input = pairs.map(([a, b]) => `${a}\t${b}\n`).join('');
  const lines = runTool(goOracleBinary(), [], INSTALL, input)
    .split('\n')
    .filter((l) => l !== '');
  if (lines.length !== pairs.length)
    throw new Error(`Go oracle answered ${lines.length} lines for ${pairs.length} pairs`);
  return lines.map((line) => {
    const [order = '', validA = '', validB = ''] = line.split(' ');
    return { order: Math.sign(Number(order)), validA: validA === '1', validB: validB === '1' };
  });
}
