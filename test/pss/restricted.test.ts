import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluatePodSecurity } from '../../src/pss/index.js';
import type { Case } from './pods.js';
import { app, assertCase, context, init, restrictedPod } from './pods.js';

const C0 = ['spec', 'containers', 0] as const;
const I0 = ['spec', 'initContainers', 0] as const;
const E0 = ['spec', 'ephemeralContainers', 0] as const;

const cases: Case[] = [
  {
    name: 'the hardened base pod passes',
    pod: restrictedPod(),
    level: 'restricted',
    version: 'latest',
    failed: [],
  },
  {
    name: 'runAsNonRoot: a container saying false overrides the pod saying true',
    pod: restrictedPod((p) => {
      context(app(p))['runAsNonRoot'] = false;
    }),
    level: 'restricted',
    version: 'latest',
    failed: [{ id: 'runAsNonRoot', paths: [[...C0, 'securityContext', 'runAsNonRoot']] }],
  },
  {
    name: 'runAsNonRoot: pod false is refused even when every container says true',
    pod: restrictedPod((p) => {
      p.spec.securityContext['runAsNonRoot'] = false;
      context(app(p))['runAsNonRoot'] = true;
      context(init(p))['runAsNonRoot'] = true;
    }),
    level: 'restricted',
    version: 'latest',
    failed: [{ id: 'runAsNonRoot', paths: [['spec', 'securityContext', 'runAsNonRoot']] }],
  },
  {
    name: 'runAsNonRoot: unset on the pod, every container must say true',
    pod: restrictedPod((p) => {
      delete p.spec.securityContext['runAsNonRoot'];
      context(app(p))['runAsNonRoot'] = true;
    }),
    level: 'restricted',
    version: 'latest',
    failed: [{ id: 'runAsNonRoot', paths: [[...I0, 'securityContext', 'runAsNonRoot']] }],
  },
  {
    name: 'seccomp: a container Unconfined overrides the pod RuntimeDefault',
    pod: restrictedPod((p) => {
      context(init(p))['seccompProfile'] = { type: 'Unconfined' };
    }),
    level: 'restricted',
    version: 'latest',
    failed: [
      {
        id: 'seccompProfile_restricted',
        paths: [[...I0, 'securityContext', 'seccompProfile', 'type']],
      },
    ],
  },
  {
    name: 'seccomp: pod Unconfined is refused even when containers set Localhost',
    pod: restrictedPod((p) => {
      p.spec.securityContext['seccompProfile'] = { type: 'Unconfined' };
      context(app(p))['seccompProfile'] = { type: 'Localhost', localhostProfile: 'a.json' };
      context(init(p))['seccompProfile'] = { type: 'RuntimeDefault' };
    }),
    level: 'restricted',
    version: 'latest',
    failed: [
      {
        id: 'seccompProfile_restricted',
        paths: [['spec', 'securityContext', 'seccompProfile', 'type']],
      },
    ],
  },
  {
    name: 'seccomp: no pod profile, every container set is enough',
    pod: restrictedPod((p) => {
      delete p.spec.securityContext['seccompProfile'];
      context(app(p))['seccompProfile'] = { type: 'Localhost', localhostProfile: 'a.json' };
      context(init(p))['seccompProfile'] = { type: 'RuntimeDefault' };
    }),
    level: 'restricted',
    version: 'latest',
    failed: [],
  },
  {
    name: 'seccomp: a profile without a type counts as set to a bad value',
    pod: restrictedPod((p) => {
      context(app(p))['seccompProfile'] = {};
    }),
    level: 'restricted',
    version: 'v1.19',
    failed: [
      {
        id: 'seccompProfile_restricted',
        paths: [[...C0, 'securityContext', 'seccompProfile', 'type']],
      },
    ],
  },
  {
    name: 'seccomp: annotations still count at restricted before v1.19',
    pod: restrictedPod((p) => {
      p.metadata.annotations = {
        'container.seccomp.security.alpha.kubernetes.io/app': 'unconfined',
      };
    }),
    level: 'restricted',
    version: 'v1.18',
    failed: [
      {
        id: 'seccompProfile_baseline',
        paths: [['metadata', 'annotations', 'container.seccomp.security.alpha.kubernetes.io/app']],
      },
    ],
  },
  {
    name: 'ephemeral containers must be hardened too',
    pod: restrictedPod((p) => {
      p.spec['ephemeralContainers'] = [{ name: 'debug', image: 'busybox' }];
    }),
    level: 'restricted',
    version: 'latest',
    failed: [
      {
        id: 'allowPrivilegeEscalation',
        paths: [[...E0, 'securityContext', 'allowPrivilegeEscalation']],
      },
      {
        id: 'capabilities_restricted',
        paths: [[...E0, 'securityContext', 'capabilities', 'drop']],
      },
    ],
  },
  {
    name: 'capabilities: NET_BIND_SERVICE may be added back, nothing else',
    pod: restrictedPod((p) => {
      context(app(p))['capabilities'] = { drop: ['ALL'], add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] };
      context(init(p))['capabilities'] = { drop: ['all'] };
    }),
    level: 'restricted',
    version: 'latest',
    failed: [
      {
        id: 'capabilities_restricted',
        // Init containers come first: upstream's visiting order.
        paths: [
          [...I0, 'securityContext', 'capabilities', 'drop'],
          [...C0, 'securityContext', 'capabilities', 'add', 1],
        ],
      },
    ],
  },
  {
    name: 'capabilities: before v1.22 the baseline check judges additions',
    pod: restrictedPod((p) => {
      context(app(p))['capabilities'] = { add: ['SYS_ADMIN'] };
    }),
    level: 'restricted',
    version: 'v1.21',
    failed: [
      {
        id: 'capabilities_baseline',
        paths: [[...C0, 'securityContext', 'capabilities', 'add', 0]],
      },
    ],
  },
  {
    name: 'volumes: hostPath is reported once, under restrictedVolumes',
    pod: restrictedPod((p) => {
      p.spec['volumes'] = [{ name: 'host', hostPath: { path: '/var/run' } }];
    }),
    level: 'restricted',
    version: 'v1.0',
    failed: [{ id: 'restrictedVolumes', paths: [['spec', 'volumes', 0, 'hostPath']] }],
  },
  {
    name: 'volumes: allowed sources, a source-less volume (defaulted to emptyDir) and image volumes',
    pod: restrictedPod((p) => {
      p.spec['volumes'] = [
        { name: 'a', configMap: { name: 'c' } },
        { name: 'b', image: { reference: 'data:1' } },
        { name: 'c' },
        { name: 'd', persistentVolumeClaim: { claimName: 'x' } },
        { name: 'e', ephemeral: { volumeClaimTemplate: {} } },
      ];
    }),
    level: 'restricted',
    version: 'v1.10',
    failed: [],
  },
  {
    name: 'volumes: nfs and a source type this table does not know are refused',
    pod: restrictedPod((p) => {
      p.spec['volumes'] = [
        { name: 'a', nfs: { server: 'x', path: '/' } },
        { name: 'b', futureSource: {} },
      ];
    }),
    level: 'restricted',
    version: 'latest',
    failed: [
      {
        id: 'restrictedVolumes',
        paths: [
          ['spec', 'volumes', 0, 'nfs'],
          ['spec', 'volumes', 1, 'futureSource'],
        ],
      },
    ],
  },
];

for (const row of cases) {
  test(`restricted: ${row.name}`, () => {
    assertCase(row);
  });
}

test('restricted includes every baseline check that is not replaced', () => {
  const pod = restrictedPod((p) => {
    p.spec['hostNetwork'] = true;
    context(app(p))['privileged'] = true;
  });
  const ids = evaluatePodSecurity(pod, 'restricted', 'latest').map((r) => r.checkId);
  assert.deepEqual(ids, ['privileged', 'hostNamespaces']);
});

test('reasons name the offending containers', () => {
  const pod = restrictedPod((p) => {
    context(app(p))['allowPrivilegeEscalation'] = true;
    context(init(p))['allowPrivilegeEscalation'] = true;
  });
  const [result] = evaluatePodSecurity(pod, 'restricted', 'latest');
  assert.ok(result?.reason.includes('"init"') === true && result.reason.includes('"app"'));
});
