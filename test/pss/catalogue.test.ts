import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCubecapeError } from '../../src/core/errors.js';
import {
  activePssChecks,
  minorOf,
  parsePssVersion,
  PSS_CHECKS,
  PSS_LATEST_MINOR,
  tryParsePssVersion,
} from '../../src/pss/index.js';

test('version parsing accepts latest and v1.0 to the newest known minor', () => {
  for (const text of ['latest', 'v1.0', 'v1.9', 'v1.19', `v1.${PSS_LATEST_MINOR}`]) {
    assert.equal(parsePssVersion(text), text);
    assert.equal(tryParsePssVersion(text), text);
  }
  assert.equal(minorOf('v1.25'), 25);
  assert.equal(minorOf('latest'), PSS_LATEST_MINOR);
});

const rejected: unknown[] = [
  `v1.${PSS_LATEST_MINOR + 1}`,
  'v1.01',
  'v2.0',
  '1.25',
  'V1.25',
  ' v1.25',
  'v1.25 ',
  'v1.',
  'v1.-1',
  'v1.2.3',
  'Latest',
  '',
  null,
  undefined,
  25,
  ['v1.25'],
  { version: 'v1.25' },
];

for (const text of rejected) {
  test(`version parsing rejects ${text === undefined ? 'undefined' : JSON.stringify(text)}`, () => {
    assert.equal(tryParsePssVersion(text), undefined);
    assert.throws(
      () => parsePssVersion(text),
      (error: unknown) => isCubecapeError(error) && error.code === 'USAGE',
    );
  });
}

test('a too-new version is told to use latest', () => {
  assert.throws(() => parsePssVersion('v1.99'), /latest/);
});

test('the catalogue describes every check once, with ordered revisions', () => {
  const ids = PSS_CHECKS.map((check) => check.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(ids.length, 19);
  for (const check of PSS_CHECKS) {
    assert.match(check.description, /^[A-Z].*\.$/, `${check.id} description`);
    assert.equal(check.revisions[0]?.since, check.since, `${check.id} since`);
    const minors = check.revisions.map((revision) => minorOf(revision.since));
    assert.deepEqual(
      minors,
      [...minors].sort((a, b) => a - b),
      `${check.id} revision order`,
    );
    assert.equal(new Set(minors).size, minors.length, `${check.id} duplicate revision`);
    for (const revision of check.revisions) assert.ok(revision.change.length > 0);
    for (const overridden of check.overrides) {
      assert.equal(check.level, 'restricted', `${check.id} overrides but is not restricted`);
      const target = PSS_CHECKS.find((other) => other.id === overridden);
      assert.equal(target?.level, 'baseline', `${check.id} overrides ${overridden}`);
    }
  }
});

test('active checks: baseline at v1.0', () => {
  assert.deepEqual(activePssChecks('baseline', 'v1.0'), [
    'privileged',
    'hostNamespaces',
    'hostPorts',
    'hostPathVolumes',
    'windowsHostProcess',
    'sysctls',
    'capabilities_baseline',
    'appArmorProfile',
    'seLinuxOptions',
    'procMount',
    'seccompProfile_baseline',
  ]);
});

test('active checks: restricted replaces baseline checks only once the replacement exists', () => {
  const at = (version: `v1.${number}` | 'latest'): string[] =>
    activePssChecks('restricted', version);
  assert.ok(at('v1.18').includes('seccompProfile_baseline'));
  assert.ok(!at('v1.19').includes('seccompProfile_baseline'));
  assert.ok(at('v1.21').includes('capabilities_baseline'));
  assert.ok(!at('v1.22').includes('capabilities_baseline'));
  assert.ok(at('v1.34').includes('procMount'));
  assert.ok(!at('v1.35').includes('procMount'));
  for (const version of ['v1.0', 'latest'] as const) {
    assert.ok(!at(version).includes('hostPathVolumes'));
  }
  assert.equal(at('latest').length, 19 - 4);
});
