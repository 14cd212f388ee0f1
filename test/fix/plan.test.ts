import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import privilegedContainer from '../../src/controls/privileged-container.js';
import type { Control, FixPatch } from '../../src/controls/define.js';
import type { EngineFinding } from '../../src/engine/evaluate.js';
import { describePatch, planFixes } from '../../src/fix/plan.js';
import type { Origin, Resource } from '../../src/model/resource.js';

const control: Control = privilegedContainer;
const PATCH: FixPatch = { op: 'set', path: ['spec', 'hostPID'], value: false };

function origin(file: string, extra: Record<string, unknown> = {}): Origin {
  return {
    file,
    documentIndex: 0,
    position: { line: 1, column: 1 },
    sourceMap: { locate: () => ({ position: { line: 7, column: 3 }, exact: true }) },
    ...extra,
  };
}

function resource(name: string, from: Origin | undefined): Resource {
  return {
    id: `core/Pod//${name}`,
    apiVersion: 'v1',
    group: '',
    kind: 'Pod',
    name,
    object: { metadata: { name } },
    origin: from,
  };
}

function finding(target: Resource, overrides: Partial<EngineFinding> = {}): EngineFinding {
  return {
    control,
    resource: target,
    status: 'failed',
    messageId: 'privileged',
    message: 'm',
    path: ['spec', 'hostPID'],
    fix: [PATCH],
    ...overrides,
  };
}

describe('planFixes', () => {
  it('groups patches by file and by resource, in finding order', () => {
    const a = resource('a', origin('one.yaml'));
    const b = resource('b', origin('two.yaml'));
    const remove: FixPatch = { op: 'remove', path: ['spec', 'hostIPC'] };
    const plan = planFixes([finding(a), finding(b), finding(a, { fix: [remove] })]);
    assert.deepEqual(
      plan.files.map((file) => file.file),
      ['one.yaml', 'two.yaml'],
    );
    assert.deepEqual(
      plan.files[0]?.requests.map((request) => request.patches.map((p) => p.patch)),
      [[PATCH, remove]],
    );
    assert.equal(plan.fixable, 3);
    assert.deepEqual(plan.notes, []);
  });

  it('ignores findings that did not fail and counts failed ones without a fix as manual', () => {
    const a = resource('a', origin('one.yaml'));
    const { fix: _fix, ...withoutFix } = finding(a);
    const plan = planFixes([
      finding(a, { status: 'skipped' }),
      finding(a, { status: 'error' }),
      finding(a, { fix: [] }),
      withoutFix,
    ]);
    assert.deepEqual(plan.files, []);
    assert.equal(plan.fixable, 0);
    assert.equal(plan.manual, 2);
  });

  it('turns a resource without an origin into a note naming the change', () => {
    const plan = planFixes([finding(resource('live', undefined))]);
    assert.deepEqual(plan.files, []);
    assert.equal(plan.notes.length, 1);
    assert.match(
      plan.notes[0]?.message ?? '',
      /does not come from a file.*set spec\.hostPID to false/,
    );
  });

  it('never edits rendered output: the note points at the template line', () => {
    const rendered = origin('chart/rendered.yaml', {
      rendered: { template: 'templates/pod.yaml', line: 12 },
    });
    const plan = planFixes([finding(resource('chart', rendered))]);
    assert.deepEqual(plan.files, []);
    const note = plan.notes[0];
    assert.equal(note?.file, 'chart/rendered.yaml');
    assert.equal(note.line, 7);
    assert.match(
      note.message,
      /rendered from templates\/pod\.yaml:12.*set spec\.hostPID to false in that template or in the values/,
    );
  });

  it('treats a malformed rendered marker as a plain file origin', () => {
    const odd = origin('x.yaml', { rendered: 'yes' });
    assert.equal(planFixes([finding(resource('x', odd))]).files.length, 1);
  });

  it('keeps stdin as a file named - so a dry run can still show the patch', () => {
    assert.deepEqual(
      planFixes([finding(resource('s', origin('-')))]).files.map((file) => file.file),
      ['-'],
    );
  });
});

describe('describePatch', () => {
  const CASES: readonly (readonly [FixPatch, string])[] = [
    [{ op: 'set', path: ['a', 0, 'b'], value: false }, 'set a[0].b to false'],
    [{ op: 'set', path: ['x'], value: 'on' }, 'set x to "on"'],
    [{ op: 'set', path: ['x'], value: { drop: ['ALL'] } }, 'set x to {drop: [ALL]}'],
    [{ op: 'remove', path: ['spec', 'hostPID'] }, 'remove spec.hostPID'],
    [{ op: 'remove', path: [] }, 'remove the object'],
  ];
  for (const [patch, text] of CASES) {
    it(text, () => {
      assert.equal(describePatch(patch), text);
    });
  }
});
