/**
 * Differential test: every case in golden.json was rendered by Go's text/template + sprig +
 * Helm's engine (scripts/regen-helm-template-golden.sh); our engine must agree.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agrees, loadGoldens, runCase } from './golden-harness.js';

/**
 * Known, documented divergences. Each must still diverge, so that a fix removes it from here.
 * - fn-47: sprig's arithmetic returns int64, templates' literals are int; we model both as one
 *   integer type, so `typeOf (add 1 2)` says `int`.
 * - helm-35: go-yaml's parse error wording differs from js-yaml's (both report an error map).
 */
const KNOWN_DIVERGENCES = new Set(['fn-47', 'helm-35']);

const goldens = loadGoldens();

describe('helm template engine agrees with Go (golden cases)', () => {
  it('has a few hundred goldens covering both modes', () => {
    assert.ok(goldens.length >= 500);
    assert.ok(goldens.some((g) => g.mode === 'helm'));
    assert.ok(goldens.some((g) => g.error !== undefined));
  });

  for (const golden of goldens) {
    it(golden.name, () => {
      const outcome = runCase(golden);
      if (KNOWN_DIVERGENCES.has(golden.name)) {
        assert.equal(agrees(golden, outcome), false, 'divergence fixed: remove it from the list');
        return;
      }
      if (golden.error !== undefined) {
        assert.ok(
          'error' in outcome,
          `Go failed with ${golden.error}; we rendered ${JSON.stringify(outcome)}`,
        );
      } else {
        assert.deepEqual(outcome, { output: golden.output });
      }
    });
  }
});
