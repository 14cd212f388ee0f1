import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyJsonPatch,
  applyStrategicMerge,
  kustomizeHash,
  parseLabelSelector,
} from '../../../src/ingest/kustomize/index.js';
import { parseEnvFile, wrappedBase64 } from '../../../src/ingest/kustomize/generators.js';
import { goJson } from '../../../src/ingest/kustomize/hash.js';
import { splitImage } from '../../../src/ingest/kustomize/transforms.js';
import { getField, splitFieldPath } from '../../../src/ingest/kustomize/replacements.js';

describe('kustomizeHash', () => {
  // Expected values come from kustomize v5.5.0 output (fixtures' expected.yaml).
  const cases = [
    {
      name: 'ConfigMap: the name does not count',
      object: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'eu-flags' },
        data: { gamma: 'true' },
      },
      hash: 'k6467t7m5h',
    },
    {
      name: 'same ConfigMap, another name',
      object: {
        kind: 'ConfigMap',
        metadata: { name: 'other', labels: { a: 'b' } },
        data: { gamma: 'true' },
      },
      hash: 'k6467t7m5h',
    },
  ];
  for (const testCase of cases)
    it(testCase.name, () => {
      assert.equal(kustomizeHash(testCase.object), testCase.hash);
    });

  it('changes with data, type and binaryData', () => {
    const base = { kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: '1' } };
    const hashes = new Set([
      kustomizeHash(base),
      kustomizeHash({ ...base, data: { a: '2' } }),
      kustomizeHash({ ...base, binaryData: { b: 'AA==' } }),
      kustomizeHash({ ...base, kind: 'Secret' }),
      kustomizeHash({ ...base, kind: 'Secret', type: 'kubernetes.io/tls' }),
      kustomizeHash({ kind: 'ConfigMap', metadata: { name: 'x' } }),
    ]);
    assert.equal(hashes.size, 6);
  });

  it('is ten characters from the mapped alphabet, even for hostile shapes', () => {
    for (const object of [
      {},
      { kind: 'ConfigMap', data: null },
      { kind: 'Secret', data: 'x' },
      { kind: 5 },
    ])
      assert.match(kustomizeHash(object), /^[2456789bcdfghkmt]{10}$/);
  });
});

describe('goJson', () => {
  const cases: [unknown, string][] = [
    [{ b: 1, a: [true, null] }, '{"a":[true,null],"b":1}'],
    ['<a & b>', '"\\u003ca \\u0026 b\\u003e"'],
    ['line\u2028sep', '"line\\u2028sep"'],
    [undefined, 'null'],
    [{ é: 1, z: 2, Z: 3 }, '{"Z":3,"z":2,"é":1}'],
  ];
  for (const [value, expected] of cases)
    it(`encodes as ${expected}`, () => {
      assert.equal(goJson(value), expected);
    });
});

describe('wrappedBase64', () => {
  it('leaves short values on one line', () => {
    assert.equal(wrappedBase64('admin'), 'YWRtaW4=');
  });
  it('wraps long values every 70 characters, each line ending in a newline', () => {
    const wrapped = wrappedBase64('x'.repeat(60));
    const lines = wrapped.split('\n');
    assert.equal(lines[0]?.length, 70);
    assert.equal(lines.at(-1), '');
    assert.equal(Buffer.from(wrapped.replace(/\n/g, ''), 'base64').toString(), 'x'.repeat(60));
  });
  it('encodes bytes that are not UTF-8', () => {
    assert.equal(wrappedBase64(Buffer.from([0xff, 0xfe, 0x00])), '//4A');
  });
  it('wraps exactly 70 characters too', () => {
    assert.equal(wrappedBase64('y'.repeat(52)).endsWith('\n'), true);
  });
});

describe('parseEnvFile', () => {
  it('reads KEY=VALUE lines, skipping comments and blanks', () => {
    assert.deepEqual(parseEnvFile('# c\n\nA=1\n  B=two=2\r\nC=\nD\n'), [
      ['A', '1'],
      ['B', 'two=2'],
      ['C', ''],
      ['D', ''],
    ]);
  });
});

describe('parseLabelSelector', () => {
  const labels = { app: 'web', tier: 'front', legacy: 'true' };
  const cases: [string, boolean][] = [
    ['app=web', true],
    ['app==web', true],
    ['app=api', false],
    ['app!=api', true],
    ['tier in (front, back)', true],
    ['tier notin (front)', false],
    ['legacy', true],
    ['!legacy', false],
    ['!missing', true],
    ['app=web,tier=front', true],
    ['app=web,tier=back', false],
    ['', true],
  ];
  for (const [selector, expected] of cases)
    it(`${JSON.stringify(selector)} → ${String(expected)}`, () => {
      assert.equal(parseLabelSelector(selector)(labels), expected);
    });
  it('rejects garbage', () => {
    assert.throws(() => parseLabelSelector('a in b c'));
  });
});

describe('applyStrategicMerge', () => {
  const pod = () => ({
    kind: 'Pod',
    metadata: { name: 'p', labels: { a: '1' } },
    spec: {
      containers: [
        { name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }] },
        { name: 'b', image: 'b:1' },
      ],
      tolerations: [{ key: 't' }],
    },
  });
  it('merges named containers, patch items first, and deletes by $patch', () => {
    const out = applyStrategicMerge(pod(), {
      metadata: { name: 'ignored', labels: { a: null, b: '2' } },
      spec: {
        containers: [
          { name: 'c', image: 'c:1' },
          { name: 'a', env: [{ name: 'Y', value: '2' }] },
          { name: 'b', $patch: 'delete' },
        ],
      },
    });
    assert.deepEqual(out, {
      kind: 'Pod',
      metadata: { name: 'p', labels: { b: '2' } },
      spec: {
        containers: [
          { name: 'c', image: 'c:1' },
          {
            name: 'a',
            image: 'a:1',
            env: [
              { name: 'Y', value: '2' },
              { name: 'X', value: '1' },
            ],
          },
        ],
        tolerations: [{ key: 't' }],
      },
    });
  });
  it('replaces lists without a merge key', () => {
    const out = applyStrategicMerge(pod(), { spec: { tolerations: [{ key: 'u' }] } });
    assert.deepEqual(out?.['spec'], { ...pod().spec, tolerations: [{ key: 'u' }] });
  });
  it('replaces a map with $patch: replace', () => {
    const out = applyStrategicMerge(pod(), { metadata: { labels: { $patch: 'replace', z: '9' } } });
    assert.deepEqual(out?.['metadata'], { name: 'p', labels: { z: '9' } });
  });
  it('deletes the whole resource', () => {
    assert.equal(applyStrategicMerge(pod(), { $patch: 'delete' }), undefined);
  });
  it('replaces a non-map with a map and ignores $setElementOrder', () => {
    const out = applyStrategicMerge({ spec: 'oops' }, { spec: { a: 1 }, '$setElementOrder/x': [] });
    assert.deepEqual(out, { spec: { a: 1 } });
  });
});

describe('applyJsonPatch', () => {
  const target = () => ({ spec: { list: ['a', 'b'], map: { k: 'v' } } });
  const cases: [string, unknown[], unknown][] = [
    [
      'add to a list end',
      [{ op: 'add', path: '/spec/list/-', value: 'c' }],
      { spec: { list: ['a', 'b', 'c'], map: { k: 'v' } } },
    ],
    [
      'insert into a list',
      [{ op: 'add', path: '/spec/list/0', value: 'z' }],
      { spec: { list: ['z', 'a', 'b'], map: { k: 'v' } } },
    ],
    ['remove', [{ op: 'remove', path: '/spec/map/k' }], { spec: { list: ['a', 'b'], map: {} } }],
    [
      'replace in a list',
      [{ op: 'replace', path: '/spec/list/1', value: 'y' }],
      { spec: { list: ['a', 'y'], map: { k: 'v' } } },
    ],
    [
      'escaped keys',
      [{ op: 'add', path: '/spec/map/a~1b~0c', value: 1 }],
      { spec: { list: ['a', 'b'], map: { k: 'v', 'a/b~c': 1 } } },
    ],
  ];
  for (const [name, ops, expected] of cases)
    it(name, () => {
      assert.deepEqual(applyJsonPatch(target(), ops), expected);
    });
  const failures: [string, unknown[]][] = [
    ['index out of range', [{ op: 'add', path: '/spec/list/5', value: 1 }]],
    ['not a pointer', [{ op: 'add', path: 'spec', value: 1 }]],
    ['operation not a map', [null]],
    ['whole document', [{ op: 'replace', path: '', value: {} }]],
    ['remove missing', [{ op: 'remove', path: '/spec/nope' }]],
  ];
  for (const [name, ops] of failures)
    it(`fails: ${name}`, () => {
      assert.throws(() => applyJsonPatch(target(), ops));
    });
  it('does not modify its input', () => {
    const input = target();
    applyJsonPatch(input, [{ op: 'remove', path: '/spec/list/0' }]);
    assert.deepEqual(input, target());
  });
});

describe('splitImage', () => {
  const cases: [string, ReturnType<typeof splitImage>][] = [
    ['nginx', { name: 'nginx' }],
    ['nginx:1.25', { name: 'nginx', tag: '1.25' }],
    ['reg:5000/a/b', { name: 'reg:5000/a/b' }],
    ['reg:5000/a/b:v1@sha256:ab', { name: 'reg:5000/a/b', tag: 'v1', digest: 'sha256:ab' }],
    ['a@sha256:cd', { name: 'a', digest: 'sha256:cd' }],
  ];
  for (const [image, expected] of cases)
    it(image, () => {
      assert.deepEqual(splitImage(image), expected);
    });
});

describe('replacement field paths', () => {
  it('keeps dots inside brackets', () => {
    assert.deepEqual(splitFieldPath('spec.containers.[name=a.b].image'), [
      'spec',
      'containers',
      '[name=a.b]',
      'image',
    ]);
  });
  const object = {
    spec: {
      list: [
        { name: 'a', v: 1 },
        { name: 'b', v: 2 },
      ],
      n: null,
    },
  };
  const cases: [string, unknown][] = [
    ['spec.list.[name=b].v', 2],
    ['spec.list.0.name', 'a'],
    ['spec.list.[name=z].v', undefined],
    ['spec.list.5', undefined],
    ['spec.n.deeper', undefined],
    ['spec.list.name', undefined],
  ];
  for (const [path, expected] of cases)
    it(path, () => {
      assert.equal(getField(object, path), expected);
    });
});
