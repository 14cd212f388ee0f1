import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseImageReference } from '../../src/model/image-ref.js';

test('parseImageReference', () => {
  const cases: [string, ReturnType<typeof parseImageReference>][] = [
    ['nginx', { registry: undefined, repository: 'nginx', tag: undefined, digest: undefined }],
    ['nginx:1.27', { registry: undefined, repository: 'nginx', tag: '1.27', digest: undefined }],
    [
      'library/nginx:latest',
      { registry: undefined, repository: 'library/nginx', tag: 'latest', digest: undefined },
    ],
    [
      'host:5000/img',
      { registry: 'host:5000', repository: 'img', tag: undefined, digest: undefined },
    ],
    [
      'host:5000/team/img:v2',
      { registry: 'host:5000', repository: 'team/img', tag: 'v2', digest: undefined },
    ],
    [
      'localhost/img',
      { registry: 'localhost', repository: 'img', tag: undefined, digest: undefined },
    ],
    [
      'ghcr.io/org/app@sha256:abc',
      { registry: 'ghcr.io', repository: 'org/app', tag: undefined, digest: 'sha256:abc' },
    ],
    [
      'app:1@sha256:abc',
      { registry: undefined, repository: 'app', tag: '1', digest: 'sha256:abc' },
    ],
    ['', undefined],
    [':tag', undefined],
  ];
  for (const [image, expected] of cases)
    assert.deepEqual(parseImageReference(image), expected, image);
});

test('parseImageReference gives the same answer from its memo, past the memo size', () => {
  const first = parseImageReference('registry.example:5000/team/app:1.2.3@sha256:abc');
  for (let i = 0; i < 5000; i++) parseImageReference(`app-${i}:v${i}`);
  assert.deepEqual(parseImageReference('app-4999:v4999'), {
    registry: undefined,
    repository: 'app-4999',
    tag: 'v4999',
    digest: undefined,
  });
  assert.deepEqual(parseImageReference('registry.example:5000/team/app:1.2.3@sha256:abc'), first);
  assert.equal(parseImageReference(''), undefined);
  assert.equal(parseImageReference(''), undefined);
  assert.equal(Object.isFrozen(parseImageReference('nginx:1.27')), true);
  // Past the memo's length limit, references are still parsed (and frozen) the same way.
  const long = `registry.example/${'a'.repeat(2000)}:v1`;
  assert.deepEqual(parseImageReference(long), {
    registry: 'registry.example',
    repository: 'a'.repeat(2000),
    tag: 'v1',
    digest: undefined,
  });
  assert.equal(Object.isFrozen(parseImageReference(long)), true);
});
