import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCubecapeError } from '../../src/core/errors.js';
import { selectControls, selectResources } from '../../src/engine/select.js';
import { defineFramework } from '../../src/frameworks/define.js';
import { flagControl, resource } from './fixtures.js';

const controls = [
  flagControl('a', 'critical'),
  flagControl('b', 'medium'),
  flagControl('c', 'low'),
];
const frameworks = [
  defineFramework({
    id: 'f1',
    name: 'F1',
    version: '1',
    description: '',
    sections: [{ id: '1', title: 'one', controls: ['a', 'b'] }],
  }),
  defineFramework({
    id: 'f2',
    name: 'F2',
    version: '1',
    description: '',
    sections: [{ id: '1', title: 'one', controls: ['c'] }],
  }),
];
const ids = (list: readonly { id: string }[]): string[] => list.map((item) => item.id);

describe('selectControls', () => {
  it('leaves convenience sets out of the default scoring, but scores them by name', () => {
    const everything = defineFramework({
      id: 'all',
      name: 'All',
      version: '1',
      description: '',
      convenience: true,
      sections: [{ id: 'all', title: 'all', controls: ['a', 'b', 'c'] }],
    });
    const withAll = [...frameworks, everything];
    assert.deepEqual(ids(selectControls(controls, withAll, {}).frameworks), ['f1', 'f2']);
    assert.deepEqual(ids(selectControls(controls, withAll, { frameworks: ['all'] }).frameworks), [
      'all',
    ]);
    assert.deepEqual(ids(selectControls(controls, withAll, {}).controls), ['a', 'b', 'c']);
  });

  it('selects everything by default', () => {
    const selected = selectControls(controls, frameworks, {});
    assert.deepEqual(ids(selected.controls), ['a', 'b', 'c']);
    assert.deepEqual(ids(selected.frameworks), ['f1', 'f2']);
  });

  it('narrows by framework, control, exclusion and severity', () => {
    assert.deepEqual(ids(selectControls(controls, frameworks, { frameworks: ['f1'] }).controls), [
      'a',
      'b',
    ]);
    assert.deepEqual(ids(selectControls(controls, frameworks, { frameworks: ['f1'] }).frameworks), [
      'f1',
    ]);
    assert.deepEqual(ids(selectControls(controls, frameworks, { controls: ['c', 'a'] }).controls), [
      'a',
      'c',
    ]);
    assert.deepEqual(
      ids(selectControls(controls, frameworks, { excludeControls: ['a'] }).controls),
      ['b', 'c'],
    );
    assert.deepEqual(
      ids(selectControls(controls, frameworks, { minSeverity: 'medium' }).controls),
      ['a', 'b'],
    );
  });

  it('rejects unknown ids with typed codes', () => {
    const code = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (error) {
        return isCubecapeError(error) ? error.code : 'not a CubecapeError';
      }
      return undefined;
    };
    assert.equal(
      code(() => selectControls(controls, frameworks, { frameworks: ['nope'] })),
      'UNKNOWN_FRAMEWORK',
    );
    assert.equal(
      code(() => selectControls(controls, frameworks, { controls: ['nope'] })),
      'UNKNOWN_CONTROL',
    );
    assert.equal(
      code(() => selectControls(controls, frameworks, { excludeControls: ['nope'] })),
      'UNKNOWN_CONTROL',
    );
  });
});

describe('selectResources', () => {
  const resources = [
    resource('Pod', 'p1', {}, 'prod'),
    resource('Pod', 'p2'),
    resource('Deployment', 'd1', {}, 'dev'),
    resource('ClusterRole', 'admin'),
  ];
  it('filters kinds case-insensitively', () => {
    assert.deepEqual(
      selectResources(resources, { includeKinds: ['pod'] }).map((r) => r.name),
      ['p1', 'p2'],
    );
    assert.deepEqual(
      selectResources(resources, { excludeKinds: ['POD'] }).map((r) => r.name),
      ['d1', 'admin'],
    );
  });
  it('treats a missing namespace as default and drops cluster-scoped kinds', () => {
    assert.deepEqual(
      selectResources(resources, { namespaces: ['default'] }).map((r) => r.name),
      ['p2'],
    );
    assert.deepEqual(
      selectResources(resources, { namespaces: ['prod', 'dev'] }).map((r) => r.name),
      ['p1', 'd1'],
    );
  });
});
