import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { samePath } from '../../src/core/json-path.js';

describe('samePath', () => {
  it('is true for the same steps, whether or not the arrays are the same object', () => {
    const path = ['spec', 'containers', 0, 'securityContext'];
    assert.equal(samePath(path, path), true);
    assert.equal(samePath(path, ['spec', 'containers', 0, 'securityContext']), true);
    assert.equal(samePath([], []), true);
  });

  it('tells a list index from a key that reads the same', () => {
    assert.equal(samePath(['containers', 0], ['containers', '0']), false);
  });

  it('is false for a prefix, a longer path or another step', () => {
    assert.equal(samePath(['spec', 'volumes'], ['spec']), false);
    assert.equal(samePath(['spec'], ['spec', 'volumes']), false);
    assert.equal(samePath(['spec', 'volumes', 1], ['spec', 'volumes', 2]), false);
  });
});
