import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/*
 * The other CLI tests call main() from the sources. These run the built CLI (bin/cubecape.js and
 * the code-split bundle in dist/, which `npm ci` builds), so that a command whose chunk fails to
 * load, or a chunk missing from dist/, fails here rather than on a user's machine.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'bin/cubecape.js');

function run(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
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
    assert.ok(existsSync(join(root, 'dist/cubecape.mjs')), 'dist/cubecape.mjs is missing');
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
