import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

/*
 * The other CLI tests call main() from the sources. These run the built CLI (bin/cubecape.js, the
 * bundle in dist/ and its V8 code cache, which `npm ci` builds), so that a command that fails to
 * load from the bundle, or a build that left something out, fails here rather than on a user's
 * machine.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'bin/cubecape.js');

function run(
  args: readonly string[],
  nodeOptions: readonly string[] = [],
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...nodeOptions, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const COMMANDS = [
  'scan',
  'list',
  'explain',
  'fix',
  'diff',
  'render',
  'db',
  'sbom',
  'vuln',
  'vex',
  'snapshot',
  'policy',
  'vap',
];

describe('the built CLI', () => {
  it('is built (run npm run build, or npm ci, first)', () => {
    for (const file of ['cubecape.cjs', 'cubecape.cjs.cache', 'osv-import-worker.cjs'])
      assert.ok(existsSync(join(root, 'dist', file)), `dist/${file} is missing`);
  });

  it('keeps the modules strict, as the ES modules they were, though bundled as CommonJS', () => {
    // A "use strict" directive counts only as the first statement of the file.
    for (const file of ['cubecape.cjs', 'osv-import-worker.cjs'])
      assert.match(readFileSync(join(root, 'dist', file), 'utf8'), /^"use strict";\n/, file);
  });

  /** How the launcher's loader compiled the bundle in a node started with `nodeOptions`. */
  function cacheUse(nodeOptions: readonly string[]): string {
    const probe = [
      `const { tuneV8 } = await import(${JSON.stringify(pathToFileURL(join(root, 'bin/v8-tuning.js')).href)});`,
      'tuneV8();',
      `const { loadBundle } = await import(${JSON.stringify(pathToFileURL(join(root, 'bin/load-bundle.js')).href)});`,
      'process.stdout.write(loadBundle().cache);',
    ].join('\n');
    const result = spawnSync(
      process.execPath,
      [...nodeOptions, '--input-type=module', '--eval', probe],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  }

  it('starts from the V8 code cache the build made for the bundle', () => {
    assert.equal(cacheUse([]), 'used');
  });

  it('compiles the bundle from source when V8 refuses the cache (other V8 flags), and still works', () => {
    // V8 only takes a cache made under the same flags; a user's heap limit is a different flag set.
    assert.equal(cacheUse(['--max-old-space-size=300']), 'rejected');
    assert.equal(run(['--version'], ['--max-old-space-size=300']).status, 0);
    const { status, stdout } = run(
      ['scan', 'examples/', '-f', 'json'],
      ['--max-old-space-size=300'],
    );
    assert.equal(status, 1, 'the examples hold high-severity findings');
    assert.equal((JSON.parse(stdout) as { kind: string }).kind, 'ScanReport');
  });

  it('builds an OSV import worker that loads on its own', () => {
    // The worker does nothing without its workerData: starting it proves the file and its
    // requires resolve, which a pipelined import (10,000 records and more) depends on.
    const worker = pathToFileURL(join(root, 'dist/osv-import-worker.cjs')).href;
    const result = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '--eval',
        `import { Worker } from 'node:worker_threads';\nnew Worker(new URL(${JSON.stringify(worker)})).on('exit', (code) => process.stdout.write(String(code)));`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '0');
  });

  it('prints its version without loading any command', () => {
    const { status, stdout } = run(['--version']);
    assert.equal(status, 0);
    assert.match(stdout, /^\d+\.\d+\.\d+/);
  });

  it('lists every command in --help', () => {
    const { status, stdout } = run(['--help']);
    assert.equal(status, 0);
    for (const command of COMMANDS) assert.match(stdout, new RegExp(`^  ${command} `, 'm'));
  });

  for (const command of COMMANDS) {
    it(`loads the ${command} command`, () => {
      const { status, stdout } = run([command, '--help']);
      assert.equal(status, 0);
      assert.match(stdout, new RegExp(`^Usage: cubecape ${command} `, 'm'));
    });
  }

  it('suggests the right command for a typo, having loaded them all', () => {
    const { status, stderr } = run(['scna']);
    assert.equal(status, 2);
    assert.match(stderr, /Did you mean scan\?/);
  });

  it('scans the examples into several formats, each formatter loaded on demand', () => {
    const out = mkdtempSync(join(tmpdir(), 'cubecape-bundle-'));
    try {
      const { status } = run(['scan', 'examples/', '-f', 'json,html,sarif,junit', '-o', out]);
      assert.equal(status, 1, 'the examples hold high-severity findings');
      const report = JSON.parse(readFileSync(join(out, 'cubecape-report.json'), 'utf8')) as {
        summary: { resources: number };
      };
      assert.ok(report.summary.resources > 0);
      assert.match(readFileSync(join(out, 'cubecape-report.html'), 'utf8'), /<html/);
      assert.match(
        readFileSync(join(out, 'cubecape-report.sarif'), 'utf8'),
        /"version": "2\.1\.0"/,
      );
      assert.match(readFileSync(join(out, 'cubecape-report.junit.xml'), 'utf8'), /<testsuites/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
