import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mappingRationale, type FrameworkSection } from '../../src/frameworks/define.js';
import { requirement } from '../../src/frameworks/mapping.js';

describe('requirement', () => {
  it('turns one evidence group into a section rationale', () => {
    const section = requirement({ id: 'X-1', title: 'T', evidence: [[['a', 'b'], 'Why.']] });
    assert.deepEqual(section, { id: 'X-1', title: 'T', controls: ['a', 'b'], rationale: 'Why.' });
  });

  it('gives each control its first reason when groups overlap', () => {
    const section = requirement({
      id: 'X-2',
      title: 'T',
      group: 'G',
      evidence: [
        [['a', 'b'], 'First.'],
        [['b', 'c'], 'Second.'],
      ],
    });
    assert.deepEqual(section.controls, ['a', 'b', 'c']);
    assert.equal(section.group, 'G');
    assert.equal(section.rationale, undefined);
    assert.deepEqual(section.rationales, { a: 'First.', b: 'First.', c: 'Second.' });
  });

  it('records why a requirement is not covered', () => {
    const section = requirement({ id: 'X-3', title: 'T', notCovered: 'No data.' });
    assert.deepEqual(section, { id: 'X-3', title: 'T', controls: [], rationale: 'No data.' });
    const bare = requirement({ id: 'X-4', title: 'T', evidence: [] });
    assert.deepEqual(bare.controls, []);
    assert.ok((bare.rationale ?? '').length > 0);
  });

  it('does not treat prototype keys as control ids', () => {
    const section = requirement({
      id: 'X-5',
      title: 'T',
      evidence: [
        [['constructor', '__proto__'], 'Odd ids.'],
        [['toString'], 'Other.'],
      ],
    });
    assert.deepEqual(section.controls, ['constructor', '__proto__', 'toString']);
    assert.equal(mappingRationale(section, '__proto__'), 'Odd ids.');
  });
});

describe('mappingRationale', () => {
  const section: FrameworkSection = {
    id: 'S',
    title: 'T',
    controls: ['a', 'b'],
    rationale: 'Shared.',
    rationales: { b: 'Own.' },
  };
  const table: readonly [string, string | undefined][] = [
    ['a', 'Shared.'],
    ['b', 'Own.'],
    ['hasOwnProperty', 'Shared.'],
  ];
  for (const [id, expected] of table) {
    it(`explains ${id}`, () => {
      assert.equal(mappingRationale(section, id), expected);
    });
  }
  it('is undefined when the section explains nothing', () => {
    assert.equal(mappingRationale({ id: 'S', title: 'T', controls: ['a'] }, 'a'), undefined);
  });
});
