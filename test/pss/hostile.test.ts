import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCubecapeError } from '../../src/core/errors.js';
import type { PodLike, PssCheckId, PssLevel, PssVersion } from '../../src/pss/index.js';
import { evaluatePodSecurity } from '../../src/pss/index.js';

const LEVELS: PssLevel[] = ['baseline', 'restricted'];
const VERSIONS: PssVersion[] = ['v1.0', 'v1.18', 'v1.25', 'v1.35', 'latest'];

const shapes: { name: string; pod: unknown }[] = [
  { name: 'null pod', pod: null },
  { name: 'a string', pod: 'pod' },
  { name: 'an array', pod: [] },
  { name: 'empty object', pod: {} },
  { name: 'null spec and metadata', pod: { metadata: null, spec: null } },
  { name: 'spec is a list', pod: { spec: [1, 2] } },
  { name: 'metadata is a string', pod: { metadata: 'x', spec: {} } },
  { name: 'annotations are a list', pod: { metadata: { annotations: ['a'] }, spec: {} } },
  {
    name: 'annotation values of the wrong type',
    pod: { metadata: { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 5 } }, spec: {} },
  },
  { name: 'containers is a string', pod: { spec: { containers: 'app' } } },
  { name: 'containers hold junk', pod: { spec: { containers: [null, 1, 'a', [], {}] } } },
  {
    name: 'every nested field of the wrong type',
    pod: {
      spec: {
        securityContext: 'x',
        volumes: 'x',
        os: 'windows',
        containers: [
          {
            name: 7,
            securityContext: { capabilities: 'ALL', seLinuxOptions: [], seccompProfile: 'x' },
            ports: { hostPort: 1 },
            lifecycle: 'x',
            livenessProbe: [],
          },
        ],
      },
    },
  },
  {
    name: 'nulls everywhere',
    pod: {
      spec: {
        securityContext: { sysctls: [null], seccompProfile: null, windowsOptions: null },
        volumes: [null, { name: null, hostPath: null }],
        containers: [{ securityContext: null, ports: [null], readinessProbe: { httpGet: null } }],
      },
    },
  },
];

for (const shape of shapes) {
  test(`hostile shape never throws: ${shape.name}`, () => {
    for (const level of LEVELS) {
      for (const version of VERSIONS) {
        const results = evaluatePodSecurity(shape.pod as PodLike, level, version);
        assert.ok(Array.isArray(results));
        for (const result of results) assert.ok(result.paths.length > 0);
      }
    }
  });
}

function ids(pod: unknown, level: PssLevel): PssCheckId[] {
  return evaluatePodSecurity(pod as PodLike, level, 'latest').map((r) => r.checkId);
}

// A field of the wrong type reads as unset: the API server refuses such a pod before admission.
const typed: { name: string; pod: unknown; level: PssLevel; expect: PssCheckId[] }[] = [
  {
    name: 'privileged as the string "true" is not privileged',
    pod: { spec: { containers: [{ name: 'a', securityContext: { privileged: 'true' } }] } },
    level: 'baseline',
    expect: [],
  },
  {
    name: 'hostPort as a string is no host port',
    pod: { spec: { containers: [{ name: 'a', ports: [{ hostPort: '8080' }] }] } },
    level: 'baseline',
    expect: [],
  },
  {
    name: 'hostNetwork as the string "true" is not host networking',
    pod: { spec: { hostNetwork: 'true', containers: [] } },
    level: 'baseline',
    expect: [],
  },
  {
    name: 'a capability that is not a string is not in the default set',
    pod: { spec: { containers: [{ name: 'a', securityContext: { capabilities: { add: [5] } } }] } },
    level: 'baseline',
    expect: ['capabilities_baseline'],
  },
  {
    name: 'a sysctl without a name is not a safe sysctl',
    pod: { spec: { securityContext: { sysctls: [{ value: '1' }] }, containers: [] } },
    level: 'baseline',
    expect: ['sysctls'],
  },
  {
    name: 'runAsNonRoot as the string "true" does not satisfy restricted',
    pod: {
      spec: {
        securityContext: { runAsNonRoot: 'true', seccompProfile: { type: 'RuntimeDefault' } },
        containers: [
          {
            name: 'a',
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          },
        ],
      },
    },
    level: 'restricted',
    expect: ['runAsNonRoot'],
  },
  {
    name: 'allowPrivilegeEscalation as the string "false" does not satisfy restricted',
    pod: {
      spec: {
        securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [
          {
            name: 'a',
            securityContext: { allowPrivilegeEscalation: 'false', capabilities: { drop: ['ALL'] } },
          },
        ],
      },
    },
    level: 'restricted',
    expect: ['allowPrivilegeEscalation'],
  },
  {
    name: 'a __proto__ key parsed from JSON is an ordinary unknown field',
    pod: JSON.parse('{"spec":{"__proto__":{"hostNetwork":true},"containers":[]}}'),
    level: 'baseline',
    expect: [],
  },
];

for (const row of typed) {
  test(`wrong types read as unset: ${row.name}`, () => {
    assert.deepEqual(ids(row.pod, row.level), row.expect);
  });
}

test('evaluation does not modify the pod', () => {
  const deepFreeze = (value: unknown): void => {
    if (value !== null && typeof value === 'object') {
      Object.freeze(value);
      for (const child of Object.values(value)) deepFreeze(child);
    }
  };
  const pod = {
    metadata: { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } },
    spec: { hostPID: true, containers: [{ name: 'a', securityContext: { privileged: true } }] },
  };
  deepFreeze(pod);
  const before = JSON.stringify(pod);
  assert.equal(evaluatePodSecurity(pod, 'restricted', 'v1.10').length > 0, true);
  assert.equal(JSON.stringify(pod), before);
});

test('bad level or version is a usage error, not a verdict', () => {
  const pod = { spec: {} };
  for (const call of [
    () => evaluatePodSecurity(pod, 'privileged' as PssLevel, 'latest'),
    () => evaluatePodSecurity(pod, 'baseline', 'v2.0' as PssVersion),
    () => evaluatePodSecurity(pod, 'baseline', '' as PssVersion),
  ]) {
    assert.throws(call, (error: unknown) => isCubecapeError(error) && error.code === 'USAGE');
  }
});
