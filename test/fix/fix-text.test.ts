import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FixPatch } from '../../src/controls/define.js';
import { CubecapeError } from '../../src/core/errors.js';
import { fixText } from '../../src/fix/fix-text.js';
import { patchText, requestFor } from './fix-helpers.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app   # keep
    image: nginx
    securityContext:
      privileged: true
`;

interface EditCase {
  readonly name: string;
  readonly text: string;
  readonly patches: readonly FixPatch[];
  readonly expected: string;
}

const EDITS: readonly EditCase[] = [
  {
    name: 'replaces a scalar and keeps the comment after it',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: yes # legacy\n',
    patches: [{ op: 'set', path: ['spec', 'hostPID'], value: false }],
    expected: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: false # legacy\n',
  },
  {
    name: 'keeps the quote style of a replaced string',
    text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'p'\n",
    patches: [{ op: 'set', path: ['metadata', 'name'], value: "it's" }],
    expected: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'it''s'\n",
  },
  {
    name: 'quotes strings that YAML 1.1 would read as something else',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n',
    patches: [
      { op: 'set', path: ['metadata', 'a'], value: 'on' },
      { op: 'set', path: ['metadata', 'b'], value: '0755' },
      { op: 'set', path: ['metadata', 'c'], value: 'x: y' },
      { op: 'set', path: ['metadata', 'd'], value: 'plain-word' },
    ],
    expected:
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  a: "on"\n  b: "0755"\n  c: "x: y"\n  d: plain-word\n',
  },
  {
    name: 'creates missing parent mappings with the indentation of the file',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n   name: p\nspec:\n   containers:\n   -  name: a\n      image: x\n',
    patches: [
      {
        op: 'set',
        path: ['spec', 'containers', 0, 'securityContext', 'capabilities', 'drop'],
        value: ['ALL'],
      },
    ],
    expected:
      'apiVersion: v1\nkind: Pod\nmetadata:\n   name: p\nspec:\n   containers:\n   -  name: a\n      image: x\n      securityContext:\n         capabilities:\n            drop: [ALL]\n',
  },
  {
    name: 'fills `key:` with nothing after it',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostIPC:\n',
    patches: [{ op: 'set', path: ['spec', 'hostIPC'], value: false }],
    expected: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostIPC: false\n',
  },
  {
    name: 'removes the first key of a `- key:` item by pulling the next key up',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - hostPort: 80   # node port\n    containerPort: 80\n',
    patches: [{ op: 'remove', path: ['spec', 'containers', 0, 'hostPort'] }],
    expected:
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - containerPort: 80\n',
  },
  {
    name: 'removes a multi-line value with its lines',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    a: "1"\n    b: |\n      text\n  labels: {x: y}\n',
    patches: [{ op: 'remove', path: ['metadata', 'annotations'] }],
    expected: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {x: y}\n',
  },
  {
    name: 'removes the last entry of a flow mapping with its comma',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\n',
    patches: [{ op: 'remove', path: ['metadata', 'namespace'] }],
    expected: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n',
  },
  {
    name: 'adds to a flow mapping that keeps a trailing comma',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p,}\n',
    patches: [{ op: 'set', path: ['metadata', 'namespace'], value: 'ns' }],
    expected: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ns,}\n',
  },
  {
    name: 'adds to a multi-line flow mapping on a line of its own',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {\n    name: p\n}\n',
    patches: [{ op: 'set', path: ['metadata', 'namespace'], value: 'ns' }],
    expected: 'apiVersion: v1\nkind: Pod\nmetadata: {\n    name: p,\n    namespace: ns\n}\n',
  },
  {
    name: 'removes list entries from the end so indexes stay valid',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  args:\n  - a\n  - b   # second\n  - c\n',
    patches: [
      { op: 'remove', path: ['spec', 'args', 0] },
      { op: 'remove', path: ['spec', 'args', 2] },
    ],
    expected: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  args:\n  - b   # second\n',
  },
  {
    name: 'edits the anchored node when no alias uses it',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: &s\n  hostPID: true\n',
    patches: [{ op: 'set', path: ['spec', 'hostPID'], value: false }],
    expected: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: &s\n  hostPID: false\n',
  },
  {
    name: 'adds a key next to a merge key, overriding the merged value',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nx-base: &base {hostPID: true}\nspec:\n  <<: *base\n',
    patches: [{ op: 'set', path: ['spec', 'hostPID'], value: false }],
    expected:
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nx-base: &base {hostPID: true}\nspec:\n  <<: *base\n  hostPID: false\n',
  },
];

interface RefusalCase {
  readonly name: string;
  readonly text: string;
  readonly patch: FixPatch;
  readonly reason: RegExp;
}

const REFUSALS: readonly RefusalCase[] = [
  {
    name: 'a value with an explicit tag',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: !!bool true\n',
    patch: { op: 'set', path: ['spec', 'hostPID'], value: false },
    reason: /explicit tag/,
  },
  {
    name: 'a path that needs a new list entry',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: []\n',
    patch: { op: 'set', path: ['spec', 'containers', 0, 'name'], value: 'x' },
    reason: /not an entry of the list/,
  },
  {
    name: 'a scalar where a mapping is needed',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: bogus\n',
    patch: { op: 'set', path: ['spec', 'securityContext', 'runAsNonRoot'], value: true },
    reason: /found a scalar/,
  },
  {
    name: 'a key that may come from a merge',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nx: &b {securityContext: {a: 1}}\nspec:\n  <<: *b\n',
    patch: { op: 'set', path: ['spec', 'securityContext', 'runAsNonRoot'], value: true },
    reason: /merge key/,
  },
  {
    name: 'replacing a block mapping with a scalar',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n    a: 1\n',
    patch: { op: 'set', path: ['spec', 'securityContext'], value: false },
    reason: /block collection/,
  },
  {
    name: 'removing the only key of a list item',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n',
    patch: { op: 'remove', path: ['spec', 'containers', 0, 'name'] },
    reason: /empty collection/,
  },
  {
    name: 'a value with no faithful text form',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  replicas: 1\n',
    patch: { op: 'set', path: ['spec', 'replicas'], value: Number.NaN },
    reason: /no faithful/,
  },
  {
    name: 'a list index where a mapping key is needed',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {}\n',
    patch: { op: 'set', path: ['spec', 0], value: 1 },
    reason: /expected a list/,
  },
];

describe('fixText edits', () => {
  for (const edit of EDITS) {
    it(edit.name, () => {
      const result = patchText(edit.text, edit.patches);
      assert.equal(result.text, edit.expected);
      assert.ok(
        result.outcomes.every((outcome) => outcome.status === 'applied'),
        JSON.stringify(result.outcomes),
      );
    });
  }
});

describe('fixText refuses what it cannot edit safely, and leaves the text alone', () => {
  for (const refusal of REFUSALS) {
    it(refusal.name, () => {
      const result = patchText(refusal.text, [refusal.patch]);
      assert.equal(result.text, refusal.text);
      const [outcome] = result.outcomes;
      assert.equal(outcome?.status, 'refused');
      assert.match(outcome.reason ?? '', refusal.reason);
    });
  }
});

describe('fixText safety', () => {
  it('answers duplicate patches with one edit', () => {
    const patch: FixPatch = {
      op: 'set',
      path: ['spec', 'containers', 0, 'securityContext', 'privileged'],
      value: false,
    };
    const result = patchText(POD, [patch, patch]);
    assert.equal(result.text, POD.replace('privileged: true', 'privileged: false'));
    assert.deepEqual(
      result.outcomes.map((outcome) => outcome.status),
      ['applied', 'applied'],
    );
  });

  it('reports a patch that is already in place as unchanged', () => {
    const result = patchText(POD, [{ op: 'remove', path: ['spec', 'hostPID'] }]);
    assert.equal(result.text, POD);
    assert.equal(result.outcomes[0]?.status, 'unchanged');
  });

  it('throws FILE_CHANGED when the text no longer holds the scanned resource', () => {
    const request = requestFor(POD, [
      { op: 'set', path: ['spec', 'containers', 0, 'image'], value: 'x' },
    ]);
    const edited = POD.replace('image: nginx', 'image: httpd');
    assert.throws(
      () => fixText(edited, 'pod.yaml', [request]),
      (error: unknown) =>
        error instanceof CubecapeError &&
        error.code === 'FILE_CHANGED' &&
        error.file === 'pod.yaml',
    );
  });

  it('throws FILE_CHANGED when the resource moved', () => {
    const request = requestFor(POD, [{ op: 'remove', path: ['spec', 'hostPID'] }]);
    assert.throws(
      () => fixText(`# new first line\n${POD}`, 'pod.yaml', [request]),
      (error: unknown) => error instanceof CubecapeError && error.code === 'FILE_CHANGED',
    );
  });

  it('refuses to write an edit that reads back differently (INTERNAL), e.g. after a kept block scalar', () => {
    const text = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: s}\nnote: |+\n  text\n\n';
    assert.throws(
      () => patchText(text, [{ op: 'set', path: ['automountServiceAccountToken'], value: false }]),
      (error: unknown) => error instanceof CubecapeError && error.code === 'INTERNAL',
    );
  });

  it('returns the same text for no requests and for an empty file', () => {
    assert.deepEqual(fixText(POD, 'pod.yaml', []), { text: POD, outcomes: [] });
    assert.deepEqual(fixText('', 'empty.yaml', []), { text: '', outcomes: [] });
  });

  it('edits only the addressed document of a multi-document file', () => {
    const text = `${POD}---\n${POD}`;
    const result = fixText(text, 'test.yaml', [
      requestFor(
        text,
        [
          {
            op: 'set',
            path: ['spec', 'containers', 0, 'securityContext', 'privileged'],
            value: false,
          },
        ],
        1,
      ),
    ]);
    assert.equal(result.text, `${POD}---\n${POD.replace('privileged: true', 'privileged: false')}`);
  });

  it('keeps CRLF line breaks on inserted lines', () => {
    const text = 'apiVersion: v1\r\nkind: ServiceAccount\r\nmetadata:\r\n  name: s\r\n';
    const result = patchText(text, [{ op: 'set', path: ['metadata', 'namespace'], value: 'n' }]);
    // `n` alone is a YAML 1.1 boolean, so it is quoted.
    assert.equal(
      result.text,
      'apiVersion: v1\r\nkind: ServiceAccount\r\nmetadata:\r\n  name: s\r\n  namespace: "n"\r\n',
    );
  });
});
