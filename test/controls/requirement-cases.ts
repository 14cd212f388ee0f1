import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Control, ControlRequirement } from '../../src/controls/define.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { buildScanContext } from '../../src/model/build-context.js';
import { makeResource } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1' } };

/** A control that needs host, cloud or manual input: always skipped, never passed. */
export function runRequirementTests(
  control: Control,
  requires: ControlRequirement,
  reason: RegExp,
): void {
  controlTester.run(control, {
    valid: [],
    invalid: [],
    skipped: [
      { name: 'a Node', object: node, reason },
      { name: 'a Node in a live cluster scan', object: node, reason, source: 'cluster' },
    ],
  });
  describe(`${control.id} in the engine`, () => {
    it(`declares requires: ${requires}`, () => {
      assert.equal(control.requires, requires);
    });
    it('is skipped as a whole, with a reason, in manifest and cluster scans', () => {
      for (const source of ['manifests', 'cluster'] as const) {
        const resources = [makeResource(node)];
        const result = evaluate(resources, [control], buildScanContext(resources, { source }));
        const outcome = result.outcomes[0];
        assert.ok(outcome?.skipReason !== undefined && outcome.skipReason.length > 0);
        assert.equal(outcome.counts.passed, 0);
        assert.equal(result.findings.length, 0);
      }
    });
  });
}
