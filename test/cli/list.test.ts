import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinControls } from '../../src/controls/index.js';
import { builtinFrameworks } from '../../src/frameworks/index.js';
import { runCli } from './run-cli.js';

interface ControlRow {
  id: string;
  severity: string;
  kinds: string[];
  frameworks: string[];
  aliases: Record<string, string[]>;
  docs: string;
  hasExamples: boolean;
}

describe('cubecape list', () => {
  it('lists every control as JSON with kinds, frameworks, aliases and its docs page', async () => {
    const run = await runCli(['list', 'controls', '-f', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const rows = JSON.parse(run.stdout) as ControlRow[];
    assert.deepEqual(
      rows.map((row) => row.id),
      builtinControls.map((control) => control.id),
    );
    const privileged = rows.find((row) => row.id === 'privileged-container');
    assert.ok(privileged);
    assert.ok(privileged.kinds.includes('Pod'));
    assert.ok(privileged.aliases['kubescape']?.includes('C-0057'));
    assert.equal(privileged.docs, 'docs/controls/privileged-container.md');
    assert.equal(privileged.hasExamples, true);
  });

  it('prints a Markdown table of controls whose ids link to their pages', async () => {
    const run = await runCli(['list', 'controls', '-f', 'markdown']);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^\| Control \| Severity \| Title \|/);
    assert.match(lines[1] ?? '', /^\| ---/);
    assert.equal(lines.length, builtinControls.length + 2);
    const columns = (lines[0] ?? '').split(' | ').length;
    for (const line of lines.slice(2)) {
      // An unescaped pipe in a title would add a column and break the table.
      assert.equal(line.replace(/\\\|/g, '').split(' | ').length, columns, line);
      assert.match(
        line,
        /^\| \[`[a-z0-9-]+`\]\(controls\/[a-z0-9-]+\.md\) \| (critical|high|medium|low|info) \|/,
      );
    }
  });

  const formats: [string[], (stdout: string) => void][] = [
    [
      ['frameworks', '-f', 'json'],
      (stdout) => {
        const rows = JSON.parse(stdout) as { id: string; controls: string[] }[];
        assert.deepEqual(
          rows.map((row) => row.id),
          builtinFrameworks.map((f) => f.id),
        );
      },
    ],
    [
      ['frameworks', '-f', 'markdown'],
      (stdout) => {
        assert.match(stdout, /^\| Framework \| Name \| Version \| Controls \|/);
        assert.equal(stdout.trimEnd().split('\n').length, builtinFrameworks.length + 2);
      },
    ],
    [
      ['frameworks'],
      (stdout) => {
        for (const framework of builtinFrameworks) assert.match(stdout, new RegExp(framework.id));
      },
    ],
    [
      ['controls'],
      (stdout) => {
        assert.match(stdout, new RegExp(`${builtinControls.length} controls`));
      },
    ],
  ];
  for (const [args, check] of formats) {
    it(`list ${args.join(' ')}`, async () => {
      const run = await runCli(['list', ...args]);
      assert.equal(run.code, 0, run.stderr);
      check(run.stdout);
    });
  }

  const usage: string[][] = [['list', 'rules'], ['list', 'controls', '-f', 'yaml'], ['list']];
  for (const args of usage) {
    it(`exits 2 on ${args.join(' ')}`, async () => {
      const run = await runCli(args);
      assert.equal(run.code, 2);
    });
  }
});
