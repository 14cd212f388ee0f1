import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinControls } from '../../src/controls/index.js';

/**
 * Every control that judges manifests or a live cluster shows a failing and a passing example
 * (`cubecape explain`, the generated docs); meta.test.ts proves each example right. Host, cloud
 * and manual controls only ever skip, so no manifest can illustrate them.
 */
describe('control examples', () => {
  it('exist for every control that manifests or a live cluster can judge', () => {
    const missing = builtinControls
      .filter((control) => control.requires === undefined || control.requires === 'cluster')
      .filter((control) => control.examples === undefined)
      .map((control) => control.id);
    assert.deepEqual(missing, [], `controls without examples: ${missing.join(', ')}`);
  });
});
