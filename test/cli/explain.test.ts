import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestMatches, editDistance } from '../../src/config/close-match.js';
import { suggestControls } from '../../src/cli/explain.js';
import { builtinControls } from '../../src/controls/index.js';
import { runCli } from './run-cli.js';

describe('cubecape explain', () => {
  const found: [string, RegExp][] = [
    ['privileged-container', /^privileged-container/],
    ['PRIVILEGED-CONTAINER', /^privileged-container/],
    [' C-0057 ', /^privileged-container/],
    ['c-0057', /^privileged-container/],
    ['CKV_K8S_16', /^privileged-container/],
    ['KSV017', /^privileged-container/],
  ];
  for (const [id, expected] of found) {
    it(`finds ${JSON.stringify(id)}`, async () => {
      const run = await runCli(['explain', id]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, expected);
      assert.match(run.stdout, /Reference: docs\/controls\/privileged-container\.md/);
    });
  }

  it('shows a failing and a passing example when the control has them', async () => {
    const run = await runCli(['explain', 'host-path-volumes']);
    assert.equal(run.code, 0, run.stderr);
    const fails = run.stdout.indexOf('Fails:');
    const passes = run.stdout.indexOf('Passes:');
    assert.ok(fails > 0 && passes > fails, run.stdout);
    assert.match(run.stdout.slice(fails, passes), /^ {4}kind: Pod$/m);
    assert.match(run.stdout.slice(fails, passes), /hostPath:/);
    assert.match(run.stdout.slice(passes), /emptyDir/);
  });

  it('shows no examples section for a control without them', async () => {
    const plain = builtinControls.find((control) => control.examples === undefined);
    assert.ok(plain, 'every control has examples; this test needs updating');
    const run = await runCli(['explain', plain.id]);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /Fails:/);
  });

  const typos: [string, RegExp][] = [
    ['privileged-contianer', /did you mean privileged-container/],
    ['privileged-containers', /did you mean privileged-container/],
    ['host-path-volume', /did you mean host-path-volumes/],
    ['C-0O57', /did you mean C-0057/],
    ['run-as-nonroot', /did you mean run-as-non-root/],
  ];
  for (const [id, hint] of typos) {
    it(`suggests close matches for ${id}`, async () => {
      const run = await runCli(['explain', id]);
      assert.equal(run.code, 2);
      assert.match(run.lastStderrLine, hint);
      assert.match(run.lastStderrLine, /\[UNKNOWN_CONTROL\]$/);
    });
  }

  const hopeless = ['zzzzzzzzzzzz', '', 'x'.repeat(10000), '\u001b[31mred'];
  for (const id of hopeless) {
    it(`exits 2 without suggestions for ${JSON.stringify(id.slice(0, 20))}`, async () => {
      const run = await runCli(['explain', id]);
      assert.equal(run.code, 2);
      assert.doesNotMatch(run.lastStderrLine, /did you mean/);
    });
  }
});

describe('close matches', () => {
  it('measures edits, counting a swap of neighbours as one', () => {
    const cases: [string, string, number][] = [
      ['', '', 0],
      ['abc', '', 3],
      ['abc', 'abc', 0],
      ['abc', 'acb', 1],
      ['kitten', 'sitting', 3],
    ];
    for (const [a, b, distance] of cases) assert.equal(editDistance(a, b), distance, `${a}/${b}`);
  });

  it('ranks nearest first and caps the list', () => {
    assert.deepEqual(closestMatches('hots-ports', ['host-ports', 'host-pid', 'hostports']), [
      'host-ports',
      'hostports',
    ]);
    assert.deepEqual(closestMatches('', ['a']), []);
    assert.ok(suggestControls('image').length <= 3);
  });
});
