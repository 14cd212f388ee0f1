import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONTROLS_SETTINGS } from '../../src/config/controls-settings.js';
import { parseControlsConfig } from '../../src/config/load.js';
import { type CubecapeError, ERROR_CODES, isCubecapeError } from '../../src/core/errors.js';

const HEAD = 'apiVersion: cubecape.io/v1alpha1\nkind: ControlsConfig\n';

function fails(text: string): CubecapeError {
  try {
    parseControlsConfig(text, 'cubecape.yaml');
  } catch (error) {
    assert.ok(isCubecapeError(error), String(error));
    assert.equal(error.code, 'CONFIG');
    assert.equal(ERROR_CODES[error.code], 'usage');
    assert.equal(error.file, 'cubecape.yaml');
    return error;
  }
  assert.fail(`accepted:\n${text}`);
}

describe('parseControlsConfig', () => {
  it('reads every setting', () => {
    const settings = parseControlsConfig(
      `${HEAD}spec:
  allowedRegistries: [ghcr.io/acme, registry.example/]
  forbiddenRegistries: [docker.io]
  sensitiveKeyNames: [CONN_STRING, dsn]
  sensitiveValuePatterns:
    - 'acme_[a-z0-9]{20}'
    - name: internal token
      pattern: '^itk-[A-Z0-9]{16}$'
  allowedCapabilities: [CAP_NET_RAW, chown]
  recommendedLabels: [app]
  requiredLabels: [team, app.kubernetes.io/name]
  commonLabels: [app.kubernetes.io/name]
  resources:
    limits:
      cpu: { min: 100m, max: 4 }
      memory: { max: 8Gi }
    requests:
      memory: { min: "64Mi" }
  allowedHostPaths: [/var/log/app]
  kubernetesVersion: "v1.29"
`,
      'cubecape.yaml',
    );
    assert.deepEqual(settings.allowedRegistries, ['ghcr.io/acme', 'registry.example/']);
    assert.deepEqual(settings.forbiddenRegistries, ['docker.io']);
    assert.deepEqual(settings.sensitiveKeyNames, ['CONN_STRING', 'dsn']);
    assert.deepEqual(
      settings.sensitiveValuePatterns.map((p) => [p.name, p.pattern.source]),
      [
        ['custom credential pattern', 'acme_[a-z0-9]{20}'],
        ['internal token', '^itk-[A-Z0-9]{16}$'],
      ],
    );
    assert.deepEqual(settings.allowedCapabilities, ['CAP_NET_RAW', 'chown']);
    assert.deepEqual(settings.requiredLabels, ['team', 'app.kubernetes.io/name']);
    assert.deepEqual(settings.limits, {
      cpu: { min: { text: '100m', value: 0.1 }, max: { text: '4', value: 4 } },
      memory: { max: { text: '8Gi', value: 8 * 2 ** 30 } },
    });
    assert.deepEqual(settings.requests, {
      memory: { min: { text: '64Mi', value: 64 * 2 ** 20 } },
    });
    assert.deepEqual(settings.allowedHostPaths, ['/var/log/app']);
    assert.equal(settings.kubernetesVersion, '1.29');
  });

  it('keeps the defaults for what it does not name', () => {
    const settings = parseControlsConfig(`${HEAD}spec:\n  allowedRegistries: [a.io]\n`, 'c.yaml');
    assert.deepEqual(settings.allowedCapabilities, ['NET_BIND_SERVICE']);
    assert.deepEqual(settings.commonLabels, DEFAULT_CONTROLS_SETTINGS.commonLabels);
    assert.equal(settings.kubernetesVersion, undefined);
    assert.deepEqual(parseControlsConfig(HEAD, 'c.yaml'), DEFAULT_CONTROLS_SETTINGS);
    assert.deepEqual(parseControlsConfig(`${HEAD}spec:\n`, 'c.yaml'), DEFAULT_CONTROLS_SETTINGS);
    assert.deepEqual(
      parseControlsConfig(`${HEAD}metadata: { name: x }\nspec: {}\n`, 'c.yaml'),
      DEFAULT_CONTROLS_SETTINGS,
    );
  });

  it('accepts an empty allow-list of capabilities (nothing may be added)', () => {
    const settings = parseControlsConfig(`${HEAD}spec:\n  allowedCapabilities: []\n`, 'c.yaml');
    assert.deepEqual(settings.allowedCapabilities, []);
  });

  const rejected: [string, string, RegExp, number][] = [
    [
      'unknown spec key',
      `${HEAD}spec:\n  allowedRegistry: [a]\n`,
      /unknown key "spec\.allowedRegistry" \(did you mean "allowedRegistries"\?\)/,
      4,
    ],
    ['unknown top-level key', `${HEAD}sepc: {}\n`, /unknown key "sepc"/, 3],
    [
      'unknown nested key',
      `${HEAD}spec:\n  resources:\n    limits:\n      cpu: { maximum: 2 }\n`,
      /unknown key "spec\.resources\.limits\.cpu\.maximum"/,
      6,
    ],
    [
      'unknown resource',
      `${HEAD}spec:\n  resources:\n    limits:\n      gpu: {}\n`,
      /unknown key "spec\.resources\.limits\.gpu"/,
      6,
    ],
    [
      'unknown pattern key',
      `${HEAD}spec:\n  sensitiveValuePatterns:\n    - { pattern: abc, flags: i }\n`,
      /unknown key "spec\.sensitiveValuePatterns\[0\]\.flags"/,
      5,
    ],
    [
      'number instead of list',
      `${HEAD}spec:\n  allowedRegistries: 3\n`,
      /expected a list of strings at spec\.allowedRegistries, got a number/,
      4,
    ],
    [
      'string instead of list',
      `${HEAD}spec:\n  allowedRegistries: ghcr.io\n`,
      /expected a list of strings at spec\.allowedRegistries, got the string "ghcr\.io"/,
      4,
    ],
    [
      'null instead of list',
      `${HEAD}spec:\n  allowedCapabilities:\n`,
      /expected a list of strings at spec\.allowedCapabilities, got nothing/,
      4,
    ],
    [
      'number inside list',
      `${HEAD}spec:\n  forbiddenRegistries:\n    - docker.io\n    - 42\n`,
      /got a number \(42\) at spec\.forbiddenRegistries\[1\]/,
      6,
    ],
    [
      'map inside list',
      `${HEAD}spec:\n  requiredLabels: [{ a: b }]\n`,
      /got a map at spec\.requiredLabels\[0\]/,
      4,
    ],
    ['spec is a list', `${HEAD}spec: [1]\n`, /expected a map at spec, got a list/, 3],
    ['document is a list', `- 1\n- 2\n`, /expected a map at , got a list|expected a map/, 1],
    ['document is a scalar', `hello\n`, /expected a map/, 1],
    [
      'wrong apiVersion',
      `apiVersion: v1\nkind: ControlsConfig\n`,
      /expected apiVersion: cubecape\.io\/v1alpha1/,
      1,
    ],
    [
      'apiVersion not a string',
      `apiVersion: 1\nkind: ControlsConfig\n`,
      /expected a string at apiVersion, got a number/,
      1,
    ],
    ['missing apiVersion', `kind: ControlsConfig\n`, /expected apiVersion/, 1],
    [
      'wrong kind',
      `apiVersion: cubecape.io/v1alpha1\nkind: Exceptions\n`,
      /expected kind: ControlsConfig/,
      2,
    ],
    ['empty file', ``, /empty file/, 1],
    ['comments only', `# nothing\n`, /empty file/, 1],
    ['several documents', `${HEAD}---\n${HEAD}`, /got several/, 4],
    ['YAML syntax error', `${HEAD}spec: {\n`, /invalid YAML/, 4],
    [
      'duplicate key',
      `${HEAD}spec:\n  allowedRegistries: [a]\n  allowedRegistries: [b]\n`,
      /invalid YAML/,
      5,
    ],
    [
      'anchors and aliases',
      `${HEAD}spec:\n  allowedRegistries: &r [a]\n  forbiddenRegistries: *r\n`,
      /anchors and aliases/,
      4,
    ],
    ['merge key', `${HEAD}spec:\n  <<: { allowedRegistries: [a] }\n`, /unknown key "spec\.<<"/, 4],
    ['non-string key', `${HEAD}spec:\n  1: [a]\n`, /expected a string key in spec/, 4],
    [
      'registry with a scheme',
      `${HEAD}spec:\n  allowedRegistries: ['https://ghcr.io']\n`,
      /no scheme/,
      4,
    ],
    ['empty registry', `${HEAD}spec:\n  allowedRegistries: ['']\n`, /empty string/, 4],
    ['bad capability', `${HEAD}spec:\n  allowedCapabilities: ['rm -rf']\n`, /Linux capability/, 4],
    ['bad label key', `${HEAD}spec:\n  requiredLabels: ['has space']\n`, /label key/, 4],
    [
      'empty recommended labels',
      `${HEAD}spec:\n  recommendedLabels: []\n`,
      /at least one label/,
      4,
    ],
    ['bad key name', `${HEAD}spec:\n  sensitiveKeyNames: ['a b']\n`, /expected a name/, 4],
    ['relative host path', `${HEAD}spec:\n  allowedHostPaths: [var/log]\n`, /absolute path/, 4],
    [
      'host path escaping upwards',
      `${HEAD}spec:\n  allowedHostPaths: [/var/log/../../etc]\n`,
      /"\.\."/,
      4,
    ],
    [
      'nested quantifier',
      `${HEAD}spec:\n  sensitiveValuePatterns: ['(a+)+$']\n`,
      /sensitiveValuePatterns\[0\]: a repeated group/,
      4,
    ],
    [
      'invalid regex',
      `${HEAD}spec:\n  sensitiveValuePatterns:\n    - name: x\n      pattern: '([a-'\n`,
      /not a valid regular expression/,
      6,
    ],
    [
      'pattern matching everything',
      `${HEAD}spec:\n  sensitiveValuePatterns: ['.*']\n`,
      /empty string/,
      4,
    ],
    [
      'pattern map without pattern',
      `${HEAD}spec:\n  sensitiveValuePatterns: [{ name: x }]\n`,
      /expected a "pattern" key/,
      4,
    ],
    [
      'pattern of wrong type',
      `${HEAD}spec:\n  sensitiveValuePatterns: [12]\n`,
      /expected a pattern string or a map/,
      4,
    ],
    [
      'overlong pattern',
      `${HEAD}spec:\n  sensitiveValuePatterns: ['${'a'.repeat(300)}']\n`,
      /at most 256/,
      4,
    ],
    [
      'bad quantity',
      `${HEAD}spec:\n  resources:\n    limits:\n      memory: { max: 1GB }\n`,
      /Kubernetes quantity .* got the string "1GB"/,
      6,
    ],
    [
      'negative quantity',
      `${HEAD}spec:\n  resources:\n    requests:\n      cpu: { min: -1 }\n`,
      /Kubernetes quantity/,
      6,
    ],
    [
      'quantity as boolean',
      `${HEAD}spec:\n  resources:\n    requests:\n      cpu: { min: true }\n`,
      /got a boolean/,
      6,
    ],
    [
      'min above max',
      `${HEAD}spec:\n  resources:\n    limits:\n      cpu: { min: 2, max: 500m }\n`,
      /min 2 is above max 500m/,
      6,
    ],
    ['version as a number', `${HEAD}spec:\n  kubernetesVersion: 1.30\n`, /quote it/, 4],
    [
      'malformed version',
      `${HEAD}spec:\n  kubernetesVersion: "2.1"\n`,
      /Kubernetes version such as "1\.30"/,
      4,
    ],
  ];
  for (const [name, text, message, line] of rejected) {
    it(`rejects ${name} with file and line`, () => {
      const error = fails(text);
      assert.match(error.message, message);
      assert.equal(error.line, line);
      assert.match(error.located, new RegExp(`^cubecape\\.yaml:${line}:\\d+: `));
    });
  }

  it('survives deeply nested and large hostile documents quickly', () => {
    const deep = `${HEAD}spec:\n  resources: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const started = performance.now();
    // Either the YAML parser gives up or the reader finds the wrong type: both are exit 2.
    assert.match(fails(deep).message, /expected a map at spec\.resources|invalid YAML/);
    const bomb = `${HEAD}spec:\n  allowedRegistries: &a [x, x]\n  forbiddenRegistries: [*a, *a, *a, *a]\n`;
    assert.match(fails(bomb).message, /anchors and aliases/);
    const wide = `${HEAD}spec:\n  allowedRegistries:\n${'    - r.io\n'.repeat(20000)}`;
    assert.equal(parseControlsConfig(wide, 'c.yaml').allowedRegistries.length, 20000);
    assert.ok(performance.now() - started < 5000);
  });
});
