import assert from 'node:assert/strict';
import { test } from 'node:test';
import control from '../../src/controls/env-credentials.js';
import {
  detectCredential,
  isCredentialName,
  normalizeName,
} from '../../src/controls/credential-patterns.js';
import { isSkipped } from '../../src/controls/define.js';
import { buildScanContext } from '../../src/model/build-context.js';
import { makeResource, podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const ENV = ['spec', 'containers', 0, 'env'];
const GITHUB = `ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`;
const AWS = 'AKIAIOSFODNN7EXAMPLE';

function configMap(data: unknown): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cfg', namespace: 'team' },
    data,
  };
}

controlTester.run(control, {
  valid: [
    {
      name: 'valueFrom secretKeyRef',
      object: podWith({
        env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
      }),
    },
    {
      name: 'metadata about secrets, not secrets',
      object: podWith({
        env: [
          { name: 'PASSWORD_FILE', value: '/run/secrets/db' },
          { name: 'TOKEN_TTL', value: '3600' },
          { name: 'SECRET_NAME', value: 'db-credentials' },
          { name: 'MAX_TOKENS', value: '100' },
          { name: 'PWD', value: 'workspace' },
          { name: 'AWS_ACCESS_KEY_ID', value: 'not-a-key' },
        ],
      }),
    },
    {
      name: 'indirect values',
      object: podWith({
        env: [
          { name: 'DB_PASSWORD', value: '$(SECRET_FROM_ENV)' },
          { name: 'API_TOKEN', value: '' },
          { name: 'AUTH_TOKEN', value: '{{ .Values.token }}' },
          { name: 'ENABLE_TOKEN', value: 'true' },
        ],
      }),
    },
    {
      name: 'ordinary variables',
      object: podWith({
        env: [
          { name: 'LOG_LEVEL', value: 'debug' },
          { name: 'CACHE_KEY', value: 'users' },
        ],
      }),
    },
    { name: 'env not a list and junk entries', object: podWith({ env: 'x' }) },
    {
      name: 'junk env entries',
      object: podWith({ env: [null, 3, { name: 5, value: 'x' }, { name: 'PASSWORD', value: 7 }] }),
    },
    { name: 'ConfigMap without data', object: configMap(undefined) },
    {
      name: 'ConfigMap with harmless data',
      object: configMap({
        'log.level': 'info',
        'app.properties': 'port=8080\ntimeout=5s',
        'values.yaml':
          'imagePullSecrets: []\ntoken:\n  audience: istio-ca\ncredential-volume: certs\npassword: |\n  multi\nsecret: abc\n',
      }),
    },
  ],
  invalid: [
    {
      name: 'secret-like name with a literal value',
      object: podWith({
        env: [
          { name: 'LOG', value: 'x' },
          { name: 'DB_PASSWORD', value: 'hunter2hunter' },
        ],
      }),
      violations: [
        {
          messageId: 'env-credential-name',
          path: [...ENV, 1, 'value'],
          evidence: 'DB_PASSWORD=<redacted 13 chars>',
          data: { container: 'container "app"', name: 'DB_PASSWORD' },
        },
      ],
    },
    {
      name: 'camelCase and kebab names',
      object: podWith({
        env: [
          { name: 'dbPassword', value: 'pw' },
          { name: 'api-key', value: 'k' },
          { name: 'clientSecret', value: 's' },
        ],
      }),
      violations: [
        {
          messageId: 'env-credential-name',
          path: [...ENV, 0, 'value'],
          evidence: 'dbPassword=<redacted 2 chars>',
        },
        { messageId: 'env-credential-name', path: [...ENV, 1, 'value'] },
        { messageId: 'env-credential-name', path: [...ENV, 2, 'value'] },
      ],
    },
    {
      name: 'known token formats under innocent names',
      object: podWith({
        env: [
          { name: 'AWS_ACCESS_KEY_ID', value: AWS },
          { name: 'GH', value: GITHUB },
          { name: 'TLS', value: '-----BEGIN RSA PRIVATE KEY-----\nMIIE...' },
          { name: 'DATABASE_URL', value: 'postgres://app:s3cret@db:5432/app' },
        ],
      }),
      violations: [
        {
          messageId: 'env-credential-value',
          path: [...ENV, 0, 'value'],
          evidence: 'AWS_ACCESS_KEY_ID=<redacted 20 chars>',
          data: {
            container: 'container "app"',
            name: 'AWS_ACCESS_KEY_ID',
            kind: 'AWS access key id',
          },
        },
        {
          messageId: 'env-credential-value',
          path: [...ENV, 1, 'value'],
          data: { container: 'container "app"', name: 'GH', kind: 'GitHub token' },
        },
        {
          messageId: 'env-credential-value',
          path: [...ENV, 2, 'value'],
          data: { container: 'container "app"', name: 'TLS', kind: 'private key' },
        },
        {
          messageId: 'env-credential-value',
          path: [...ENV, 3, 'value'],
          data: { container: 'container "app"', name: 'DATABASE_URL', kind: 'password in URL' },
        },
      ],
    },
    {
      name: 'random-looking value under a *_KEY name',
      object: podWith({ env: [{ name: 'STRIPE_KEY', value: 'q8Zt3LxP0vR7kW2mN5bY' }] }),
      violations: [
        {
          messageId: 'env-credential-value',
          path: [...ENV, 0, 'value'],
          data: { container: 'container "app"', name: 'STRIPE_KEY', kind: 'high-entropy key' },
        },
      ],
    },
    {
      name: 'ConfigMap keys, values and embedded config files',
      object: configMap({
        'db.password': 'hunter2',
        token: AWS,
        'application.yaml': 'server:\n  port: 8080\ndb:\n  password: s3cretValue\n',
        binary: 5,
      }),
      violations: [
        {
          messageId: 'configmap-credential-name',
          path: ['data', 'db.password'],
          evidence: 'db.password=<redacted 7 chars>',
        },
        {
          messageId: 'configmap-credential-value',
          path: ['data', 'token'],
          data: { key: 'token', kind: 'AWS access key id' },
        },
        {
          messageId: 'configmap-embedded-credential',
          path: ['data', 'application.yaml'],
          evidence: 'password=<redacted 11 chars> (line 4)',
          data: { key: 'application.yaml', name: 'password', line: 4 },
        },
      ],
    },
  ],
  skipped: [
    { name: 'ConfigMap data a list', object: configMap(['a']) },
    {
      name: 'workload without pod spec',
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'd' },
        spec: { template: null },
      },
    },
  ],
});

test('evidence never contains the secret', () => {
  const secrets = ['hunter2hunter', AWS, GITHUB, 's3cretValue'];
  const object = podWith({ env: secrets.map((value, i) => ({ name: `PASSWORD_${i}`, value })) });
  const resource = makeResource(object);
  const result = control.check(resource, buildScanContext([resource], { source: 'manifests' }));
  assert.ok(!isSkipped(result));
  assert.equal(result.length, secrets.length);
  for (const violation of result) {
    for (const secret of secrets) assert.ok(!(violation.evidence ?? '').includes(secret));
    assert.ok(!JSON.stringify(violation.data).includes(secrets[0] ?? ''));
  }
});

test('credential name heuristics', () => {
  const cases: [string, boolean][] = [
    ['PASSWORD', true],
    ['MYSQL_ROOT_PASSWORD', true],
    ['passphrase', true],
    ['GITHUB_TOKEN', true],
    ['TOKENIZER_MODEL', false],
    ['SECRET_KEY_BASE', true],
    ['PRIVATE_KEY', true],
    ['privateKeyPath', false],
    ['KEYCLOAK_URL', false],
    ['PASSWORD_MIN_LENGTH', false],
    ['PWD', false],
    ['DB_PWD', true],
  ];
  for (const [name, expected] of cases) assert.equal(isCredentialName(name), expected, name);
  assert.equal(normalizeName('dbPassword.v2'), 'DB_PASSWORD_V2');
  assert.deepEqual(detectCredential('NOTE', 'plain words here'), undefined);
});

test('value formats are recognised through their quick pre-checks, with and without context', () => {
  const samples: readonly (readonly [string, string])[] = [
    ['private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEow...'],
    ['AWS access key id', AWS],
    ['GitHub token', GITHUB],
    ['GitHub token', `github_pat_${'x'.repeat(30)}`],
    ['GitLab token', `glpat-${'a'.repeat(20)}`],
    ['Slack token', 'xoxb-1234567890-abcdef'],
    ['Google API key', `AIza${'b'.repeat(35)}`],
    ['Stripe key', `rk_live_${'c'.repeat(16)}`],
    ['JSON Web Token', 'eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.c2lnbmF0dXJlMDEy'],
    ['password in URL', 'postgres://app:hunter22@db:5432/app'],
    ['password in URL', 'HTTPS://USER:PW@HOST'],
  ];
  for (const [kind, value] of samples) {
    for (const text of [value, `prefix ${value} suffix`]) {
      assert.deepEqual(detectCredential('SETTING', text), { by: 'value', kind }, text);
    }
  }
  for (const plain of ['http://example.com/path', 'user@example.com', 'AKIA', 'eyJ', 'gh']) {
    assert.equal(detectCredential('SETTING', plain), undefined, plain);
  }
});
