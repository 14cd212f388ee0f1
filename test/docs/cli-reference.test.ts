import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/run-cli.js';

const reference = readFileSync(
  fileURLToPath(new URL('../../docs/cli.md', import.meta.url)),
  'utf8',
);

/** Top-level command names as `cubecape --help` lists them. */
async function commandNames(): Promise<string[]> {
  const { stdout, code } = await runCli(['--help']);
  assert.equal(code, 0);
  const section = stdout.slice(stdout.indexOf('Commands:'));
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)]
    .map((match) => match[1] ?? '')
    .filter((name) => name !== 'help');
}

describe('docs/cli.md', () => {
  it('has a row in its command table for every command of `cubecape --help`', async () => {
    const names = await commandNames();
    assert.ok(names.length >= 10, `only ${names.length} commands found in --help`);
    const table = reference.slice(0, reference.indexOf('\n## '));
    const missing = names.filter((name) => !table.includes(`| \`${name}`));
    assert.deepEqual(missing, [], `commands missing from the table: ${missing.join(', ')}`);
  });

  it('has a section for every command', async () => {
    const missing = (await commandNames()).filter(
      (name) => !reference.includes(`## \`cubecape ${name}`),
    );
    assert.deepEqual(missing, [], `commands without a section: ${missing.join(', ')}`);
  });
});
