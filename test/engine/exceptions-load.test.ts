import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CubecapeError } from '../../src/core/errors.js';
import { loadExceptions, type ExceptionCatalog } from '../../src/engine/exceptions/index.js';
import { parseExpiry } from '../../src/engine/exceptions/index.js';
import { defineFramework } from '../../src/frameworks/define.js';
import { flagControl } from './fixtures.js';

/** Two controls, one with Kubescape aliases, and one framework holding the first. */
export const catalog: ExceptionCatalog = {
  controls: [
    { ...flagControl('privileged-container', 'critical'), aliases: { kubescape: ['C-0057'] } },
    { ...flagControl('host-namespaces', 'high'), aliases: { kubescape: ['C-0038', 'C-0041'] } },
    flagControl('image-tag-latest', 'medium'),
  ],
  frameworks: [
    defineFramework({
      id: 'nsa-cisa',
      name: 'NSA',
      version: '1',
      description: 'test',
      sections: [{ id: 's', title: 's', controls: ['privileged-container'] }],
    }),
  ],
};

const VALID = `apiVersion: cubecape.io/v1alpha1
kind: Exception
metadata: {name: node-tuner}
spec:
  reason: the tuner writes sysctls
  owner: platform-team
  ticket: SEC-123
  expires: "2027-01-01T00:00:00Z"
  match:
    controls: [privileged-container]
    resources:
      - {kind: Job, namespace: ops, name: node-tuner}
`;

function load(text: string, file = 'exceptions.yaml') {
  return loadExceptions([{ file, text }], catalog);
}

function expectInvalid(text: string, line: number | undefined, pattern?: RegExp): void {
  assert.throws(
    () => load(text),
    (error: unknown) => {
      assert.ok(error instanceof CubecapeError, String(error));
      assert.equal(error.code, 'EXCEPTION_INVALID');
      assert.equal(error.file, 'exceptions.yaml');
      if (line !== undefined) assert.equal(error.line, line, error.message);
      if (pattern !== undefined) assert.match(error.message, pattern);
      return true;
    },
  );
}

describe('loadExceptions: cubecape format', () => {
  it('reads a valid exception with every field', () => {
    const { rules, warnings } = load(VALID);
    assert.equal(rules.length, 1);
    const [rule] = rules;
    assert.deepEqual(rule?.exception, {
      name: 'node-tuner',
      reason: 'the tuner writes sysctls',
      owner: 'platform-team',
      ticket: 'SEC-123',
      expires: '2027-01-01T00:00:00Z',
    });
    assert.equal(rule.expiresAt, Date.UTC(2027, 0, 1));
    assert.deepEqual([...(rule.controls ?? [])], ['privileged-container']);
    assert.equal(rule.resources?.length, 1);
    assert.deepEqual(rule.source, { format: 'cubecape', file: 'exceptions.yaml', line: 3 });
    assert.deepEqual(warnings, []);
  });

  it('reads several documents per file and keeps their order', () => {
    const second = VALID.replace('node-tuner}', 'other}');
    const { rules } = load(`${VALID}---\n${second}`);
    assert.deepEqual(
      rules.map((rule) => [rule.exception.name, rule.source.line]),
      [
        ['node-tuner', 3],
        ['other', 16],
      ],
    );
  });

  it('resolves frameworks to their controls', () => {
    const text = VALID.replace('controls: [privileged-container]', 'frameworks: [nsa-cisa]');
    const [rule] = load(text).rules;
    assert.deepEqual([...(rule?.frameworkControls ?? [])], ['privileged-container']);
    assert.equal(rule?.controls, undefined);
  });

  const invalid: [string, string, number | undefined, RegExp?][] = [
    ['an unknown top-level field', VALID + 'status: {}\n', 13, /unknown field "status"/],
    ['an unknown spec field', VALID.replace('  owner:', '  approver: x\n  owner:'), 6, /approver/],
    [
      'an unknown match field',
      VALID.replace('    controls:', '    kinds: [Pod]\n    controls:'),
      10,
    ],
    [
      'an unknown selector field',
      VALID.replace('{kind: Job,', '{kind: Job, image: x,'),
      12,
      /image/,
    ],
    ['a missing reason', VALID.replace('  reason: the tuner writes sysctls\n', ''), 4, /reason/],
    ['an empty reason', VALID.replace('the tuner writes sysctls', '""'), 5, /non-empty/],
    ['a reason that is a number', VALID.replace('the tuner writes sysctls', '42'), 5, /string/],
    ['a missing match', VALID.replace(/ {2}match:[\s\S]*$/, ''), 4, /match/],
    ['an empty match', VALID.replace(/ {2}match:[\s\S]*$/, '  match: {}\n'), 9, /at least one/],
    ['an empty controls list', VALID.replace('[privileged-container]', '[]'), 10, /at least one/],
    ['an unknown control id', VALID.replace('[privileged-container]', '[privileged]'), 10],
    [
      'a Kubescape id with a hint',
      VALID.replace('[privileged-container]', '[C-0057]'),
      10,
      /privileged-container/,
    ],
    [
      'an unknown framework',
      VALID.replace('controls: [privileged-container]', 'frameworks: [pci]'),
      10,
      /pci/,
    ],
    ['a bad date', VALID.replace('2027-01-01T00:00:00Z', 'next year'), 8, /RFC 3339/],
    ['a day that does not exist', VALID.replace('2027-01-01T00:00:00Z', '2027-02-30'), 8],
    ['an unquoted number as owner', VALID.replace('platform-team', '1234'), 6, /string/],
    ['a wrong apiVersion', VALID.replace('cubecape.io/v1alpha1', 'cubecape.io/v2'), 1],
    ['a missing name', VALID.replace('metadata: {name: node-tuner}', 'metadata: {}'), 3],
    [
      'an empty selector',
      VALID.replace('- {kind: Job, namespace: ops, name: node-tuner}', '- {}'),
      12,
    ],
    [
      'a selector label that is a boolean',
      VALID.replace('ops, name: node-tuner}', 'ops, labels: {tuned: true}}'),
      12,
    ],
    [
      'a document of another kind',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
      1,
      /kind Exception/,
    ],
    ['a list that is not Kubescape', '- a\n- b\n', 1],
    ['a scalar document', 'just text\n', 1],
    ['broken YAML', VALID.replace('  match:', '  match: [\n'), undefined, /YAML/],
  ];
  for (const [name, text, line, pattern] of invalid) {
    it(`rejects ${name} with file and line`, () => {
      expectInvalid(text, line, pattern);
    });
  }

  it('rejects two exceptions with one name, pointing at the second', () => {
    assert.throws(
      () =>
        loadExceptions(
          [
            { file: 'a.yaml', text: VALID },
            { file: 'b.yaml', text: VALID },
          ],
          catalog,
        ),
      (error: unknown) =>
        error instanceof CubecapeError &&
        error.code === 'EXCEPTION_INVALID' &&
        error.file === 'b.yaml' &&
        error.line === 3 &&
        error.message.includes('a.yaml:3'),
    );
  });

  it('accepts an empty file', () => {
    assert.deepEqual(load('').rules, []);
    assert.deepEqual(load('---\n# nothing\n').rules, []);
  });
});

describe('parseExpiry', () => {
  const table: [string, number | undefined][] = [
    ['2027-01-01', Date.UTC(2027, 0, 1)],
    ['2027-01-01T12:30:00Z', Date.UTC(2027, 0, 1, 12, 30)],
    ['2027-01-01T12:30:00.5+02:00', Date.UTC(2027, 0, 1, 10, 30, 0, 500)],
    ['2028-02-29', Date.UTC(2028, 1, 29)],
    ['2027-02-29', undefined],
    ['2027-13-01', undefined],
    ['2027-01-01T25:00:00Z', undefined],
    ['2027-01-01T12:00:00', undefined],
    ['01/02/2027', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of table) {
    it(`${JSON.stringify(text)} → ${String(expected)}`, () => {
      assert.equal(parseExpiry(text), expected);
    });
  }
});

describe('loadExceptions: Kubescape format', () => {
  const kubescape = (policies: unknown[]) => JSON.stringify(policies, null, 2);
  const policy = (overrides: Record<string, unknown> = {}) => ({
    name: 'exclude-ops',
    policyType: 'postureExceptionPolicy',
    actions: ['alertOnly'],
    resources: [
      {
        designatorType: 'Attributes',
        attributes: { kind: 'Job', namespace: 'ops', name: 'tuner-.*' },
      },
    ],
    posturePolicies: [{ controlID: 'C-0057' }],
    ...overrides,
  });

  it('maps a Kubescape control id through aliases.kubescape', () => {
    const { rules, warnings } = load(kubescape([policy()]), 'ks.json');
    assert.equal(rules.length, 1);
    assert.deepEqual([...(rules[0]?.controls ?? [])], ['privileged-container']);
    assert.equal(rules[0]?.source.format, 'kubescape');
    assert.match(rules[0].exception.reason, /Kubescape/);
    assert.deepEqual(warnings, []);
  });

  it('turns each posture policy into a rule sharing one exception record', () => {
    const { rules } = load(
      kubescape([policy({ posturePolicies: [{ controlID: 'C-0041' }, { frameworkName: 'NSA' }] })]),
    );
    assert.equal(rules.length, 2);
    assert.deepEqual([...(rules[0]?.controls ?? [])], ['host-namespaces']);
    assert.deepEqual([...(rules[1]?.frameworkControls ?? [])], ['privileged-container']);
    assert.equal(rules[0]?.exception, rules[1]?.exception);
  });

  it('keeps the reason and creator when Kubescape has them', () => {
    const [rule] = load(kubescape([policy({ reason: 'vendor chart', createdBy: 'marcus' })])).rules;
    assert.deepEqual(rule?.exception, {
      name: 'exclude-ops',
      reason: 'vendor chart',
      owner: 'marcus',
    });
  });

  const dropped: [string, Record<string, unknown>][] = [
    ['a control without equivalent', { posturePolicies: [{ controlID: 'C-9999' }] }],
    ['an unknown framework', { posturePolicies: [{ frameworkName: 'ArmoBest' }] }],
    ['a rule-level policy', { posturePolicies: [{ controlID: 'C-0057', ruleName: 'x' }] }],
    ['an empty posture policy', { posturePolicies: [{}] }],
    ['another designator type', { resources: [{ designatorType: 'Wlid', wlid: 'x' }] }],
    [
      'a designator for a named cluster',
      { resources: [{ designatorType: 'Attributes', attributes: { cluster: 'prod' } }] },
    ],
    ['an action other than alertOnly', { actions: ['delete'] }],
  ];
  for (const [name, overrides] of dropped) {
    it(`drops ${name} with an EXCEPTION_NOT_APPLIED warning at its line`, () => {
      const { rules, warnings } = load(kubescape([policy(overrides)]), 'ks.json');
      assert.equal(rules.length, 0);
      assert.equal(warnings.length, 1);
      assert.equal(warnings[0]?.code, 'EXCEPTION_NOT_APPLIED');
      assert.equal(warnings[0].severity, 'warning');
      assert.equal(warnings[0].file, 'ks.json');
      assert.ok((warnings[0].line ?? 0) > 1);
    });
  }

  const broken: [string, unknown][] = [
    ['no resources', policy({ resources: [] })],
    ['no posture policies', policy({ posturePolicies: undefined })],
    ['a missing name', policy({ name: undefined })],
    [
      'an invalid regex',
      policy({ resources: [{ designatorType: 'Attributes', attributes: { name: '(' } }] }),
    ],
    [
      'a non-string attribute',
      policy({ resources: [{ designatorType: 'Attributes', attributes: { name: 1 } }] }),
    ],
  ];
  for (const [name, value] of broken) {
    it(`rejects ${name}`, () => {
      expectInvalid(kubescape([value]), undefined);
    });
  }
});
