import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ControlsSettings } from '../../src/config/controls-settings.js';
import { parseControlsConfig } from '../../src/config/load.js';
import { isSkipped, type Control } from '../../src/controls/define.js';
import { controlsById } from '../../src/controls/index.js';
import { isAllowedHostPath } from '../../src/controls/host-path-volumes.js';
import { buildScanContext } from '../../src/model/build-context.js';
import { DEFAULT_SCAN_SETTINGS } from '../../src/model/context.js';
import { makeResource, podWith } from '../model/make-resource.js';

function settingsOf(spec: string): ControlsSettings {
  return parseControlsConfig(
    `apiVersion: cubecape.io/v1alpha1\nkind: ControlsConfig\nspec:\n${spec}`,
    'test.yaml',
  );
}

/** Message ids the control reports, or `skipped`, with and without the configuration. */
function judge(control: Control, object: Record<string, unknown>, spec?: string): string[] {
  const resource = makeResource(object);
  const settings =
    spec === undefined
      ? DEFAULT_SCAN_SETTINGS
      : { ...DEFAULT_SCAN_SETTINGS, controls: settingsOf(spec) };
  const result = control.check(
    resource,
    buildScanContext([resource], { source: 'manifests', settings }),
  );
  return isSkipped(result) ? ['skipped'] : result.map((violation) => violation.messageId);
}

const quay = podWith({ image: 'quay.io/x/y:1' });
const ghcr = podWith({ image: 'ghcr.io/acme/api:1' });

describe('controls read the controls configuration', () => {
  const cases: [string, Control, Record<string, unknown>, string, string[], string[]][] = [
    [
      'allowed-registries judges once configured',
      controlsById['allowed-registries'],
      quay,
      '  allowedRegistries: [ghcr.io/acme]\n',
      ['skipped'],
      ['registry-not-allowed'],
    ],
    [
      'allowed-registries passes an allowed image',
      controlsById['allowed-registries'],
      ghcr,
      '  allowedRegistries: [ghcr.io/acme]\n',
      ['skipped'],
      [],
    ],
    [
      'forbidden-registries judges once configured',
      controlsById['forbidden-registries'],
      quay,
      '  forbiddenRegistries: [quay.io]\n',
      ['skipped'],
      ['registry-forbidden'],
    ],
    [
      'deprecated-api-version honours the target',
      controlsById['deprecated-api-version'],
      { apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'p' } },
      '  kubernetesVersion: "1.24"\n',
      ['removed-api'],
      [],
    ],
    [
      'added-capabilities accepts a configured capability',
      controlsById['added-capabilities'],
      podWith({ securityContext: { capabilities: { add: ['CAP_SYS_TIME'] } } }),
      '  allowedCapabilities: [sys_time]\n',
      ['dangerous-capability'],
      [],
    ],
    [
      'added-capabilities with nothing allowed',
      controlsById['added-capabilities'],
      podWith({ securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } } }),
      '  allowedCapabilities: []\n',
      [],
      ['added-capability'],
    ],
    [
      'env-credentials learns a key name',
      controlsById['env-credentials'],
      podWith({ env: [{ name: 'PROD_DSN', value: 'postgres-main' }] }),
      '  sensitiveKeyNames: [dsn]\n',
      [],
      ['env-credential-name'],
    ],
    [
      'env-credentials learns a value pattern',
      controlsById['env-credentials'],
      podWith({ env: [{ name: 'NOTE', value: 'itk-ABCDEFGH12345678' }] }),
      "  sensitiveValuePatterns: [{ name: internal token, pattern: 'itk-[A-Z0-9]{16}' }]\n",
      [],
      ['env-credential-value'],
    ],
    [
      'env-credentials extra names do not catch metadata suffixes',
      controlsById['env-credentials'],
      podWith({ env: [{ name: 'DSN_FILE', value: 'x.txt' }] }),
      '  sensitiveKeyNames: [dsn]\n',
      [],
      [],
    ],
    [
      'recommended-labels with a replaced list',
      controlsById['recommended-labels'],
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', labels: { app: 'x' } },
        spec: { containers: [] },
      },
      '  recommendedLabels: [service]\n',
      [],
      ['no-recommended-label'],
    ],
    [
      'recommended-labels with required labels',
      controlsById['recommended-labels'],
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', labels: { app: 'x' } },
        spec: { containers: [] },
      },
      '  requiredLabels: [team, app]\n',
      [],
      ['missing-required-label'],
    ],
    [
      'common-labels with a replaced list',
      controlsById['common-labels'],
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', labels: { 'acme.io/app': 'x' } },
        spec: { containers: [] },
      },
      '  commonLabels: [acme.io/app]\n',
      ['no-common-label'],
      [],
    ],
    [
      'resource-limits above the maximum',
      controlsById['resource-limits'],
      podWith({ resources: { limits: { cpu: '4', memory: '16Gi' } } }),
      '  resources:\n    limits:\n      cpu: { max: "2" }\n      memory: { max: 8Gi }\n',
      [],
      ['limit-above-maximum', 'limit-above-maximum'],
    ],
    [
      'resource-limits below the minimum',
      controlsById['resource-limits'],
      podWith({ resources: { limits: { cpu: '50m', memory: '1Gi' } } }),
      '  resources:\n    limits:\n      cpu: { min: 100m }\n',
      [],
      ['limit-below-minimum'],
    ],
    [
      'resource-limits with an unparsable limit',
      controlsById['resource-limits'],
      podWith({ resources: { limits: { cpu: 'lots', memory: '1Gi' } } }),
      '  resources:\n    limits:\n      cpu: { max: 2 }\n',
      [],
      ['invalid-limit'],
    ],
    [
      'resource-requests bound the effective request',
      controlsById['resource-requests'],
      podWith({ resources: { limits: { cpu: '8', memory: '1Gi' } } }),
      '  resources:\n    requests:\n      cpu: { max: 1 }\n',
      [],
      ['request-above-maximum'],
    ],
    [
      'resource-requests within bounds',
      controlsById['resource-requests'],
      podWith({ resources: { requests: { cpu: '250m', memory: 100000000 } } }),
      '  resources:\n    requests:\n      cpu: { min: 100m, max: 1 }\n      memory: { min: 64Mi }\n',
      [],
      [],
    ],
    [
      'host-path-volumes accepts a configured path',
      controlsById['host-path-volumes'],
      podWith({}, { volumes: [{ name: 'logs', hostPath: { path: '/var/log/app/' } }] }),
      '  allowedHostPaths: [/var/log/app]\n',
      ['host-path'],
      [],
    ],
    [
      'host-path-volumes refuses an escape from the allowed path',
      controlsById['host-path-volumes'],
      podWith({}, { volumes: [{ name: 'x', hostPath: { path: '/var/log/app/../../../etc' } }] }),
      '  allowedHostPaths: [/var/log/app]\n',
      ['host-path'],
      ['host-path'],
    ],
  ];
  for (const [name, control, object, spec, before, after] of cases) {
    it(name, () => {
      assert.deepEqual(judge(control, object), before, 'with the defaults');
      assert.deepEqual(judge(control, object, spec), after, 'with the configuration');
    });
  }
});

describe('isAllowedHostPath', () => {
  const cases: [string, string[], boolean][] = [
    ['/var/log/app', ['/var/log/app'], true],
    ['/var/log/app/x', ['/var/log/app/'], true],
    ['/var/log//app', ['/var/log/app'], true],
    ['/var/log/application', ['/var/log/app'], false],
    ['/var/log', ['/var/log/app'], false],
    ['/var/log/app/../../etc', ['/var/log/app'], false],
    ['/var/log/app/./x', ['/var/log/app'], false],
    ['var/log/app', ['/var/log/app'], false],
    ['/anything', ['/'], true],
    ['/anything', [], false],
  ];
  for (const [path, allowed, expected] of cases)
    it(`${path} against ${JSON.stringify(allowed)}`, () => {
      assert.equal(isAllowedHostPath(path, allowed), expected);
    });
});
