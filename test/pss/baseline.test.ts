import { test } from 'node:test';
import type { Case } from './pods.js';
import { app, assertCase, context, init, plainPod } from './pods.js';

const C0 = ['spec', 'containers', 0] as const;
const I0 = ['spec', 'initContainers', 0] as const;

const cases: Case[] = [
  {
    name: 'a plain pod passes baseline at the newest version',
    pod: plainPod(),
    level: 'baseline',
    version: 'latest',
    failed: [],
  },
  {
    name: 'privileged ephemeral container is caught',
    pod: plainPod((p) => {
      p.spec['ephemeralContainers'] = [{ name: 'debug', securityContext: { privileged: true } }];
    }),
    level: 'baseline',
    version: 'v1.0',
    failed: [
      {
        id: 'privileged',
        paths: [['spec', 'ephemeralContainers', 0, 'securityContext', 'privileged']],
      },
    ],
  },
  {
    name: 'privileged: false is fine',
    pod: plainPod((p) => {
      context(app(p))['privileged'] = false;
    }),
    level: 'baseline',
    version: 'latest',
    failed: [],
  },
  {
    name: 'host namespaces are each reported',
    pod: plainPod((p) => {
      Object.assign(p.spec, { hostNetwork: true, hostPID: false, hostIPC: true });
    }),
    level: 'baseline',
    version: 'v1.20',
    failed: [
      {
        id: 'hostNamespaces',
        paths: [
          ['spec', 'hostNetwork'],
          ['spec', 'hostIPC'],
        ],
      },
    ],
  },
  {
    name: 'hostPort 0 is fine, a real host port on an init container is not',
    pod: plainPod((p) => {
      app(p)['ports'] = [{ containerPort: 80, hostPort: 0 }];
      init(p)['ports'] = [{ containerPort: 81 }, { containerPort: 82, hostPort: 8082 }];
    }),
    level: 'baseline',
    version: 'latest',
    failed: [{ id: 'hostPorts', paths: [[...I0, 'ports', 1, 'hostPort']] }],
  },
  {
    name: 'hostPath volume',
    pod: plainPod((p) => {
      p.spec['volumes'] = [
        { name: 'a', emptyDir: {} },
        { name: 'b', hostPath: { path: '/' } },
      ];
    }),
    level: 'baseline',
    version: 'latest',
    failed: [{ id: 'hostPathVolumes', paths: [['spec', 'volumes', 1, 'hostPath']] }],
  },
  {
    name: 'capabilities: default set allowed, NET_RAW and lower-case names are not',
    pod: plainPod((p) => {
      context(app(p))['capabilities'] = { add: ['CHOWN', 'NET_RAW', 'kill'] };
    }),
    level: 'baseline',
    version: 'latest',
    failed: [
      {
        id: 'capabilities_baseline',
        paths: [
          [...C0, 'securityContext', 'capabilities', 'add', 1],
          [...C0, 'securityContext', 'capabilities', 'add', 2],
        ],
      },
    ],
  },
  {
    name: 'AppArmor: Unconfined field on the pod, an empty profile on a container',
    pod: plainPod((p) => {
      p.spec.securityContext['appArmorProfile'] = { type: 'Unconfined' };
      context(init(p))['appArmorProfile'] = {};
      context(app(p))['appArmorProfile'] = { type: 'Localhost', localhostProfile: 'x' };
    }),
    level: 'baseline',
    version: 'v1.0',
    failed: [
      {
        id: 'appArmorProfile',
        paths: [
          ['spec', 'securityContext', 'appArmorProfile', 'type'],
          [...I0, 'securityContext', 'appArmorProfile', 'type'],
        ],
      },
    ],
  },
  {
    name: 'AppArmor annotations: any container key counts, localhost/* and runtime/default pass',
    pod: plainPod((p) => {
      p.metadata.annotations = {
        'container.apparmor.security.beta.kubernetes.io/app': 'localhost/custom',
        'container.apparmor.security.beta.kubernetes.io/init': 'runtime/default',
        'container.apparmor.security.beta.kubernetes.io/gone': 'unconfined',
      };
    }),
    level: 'baseline',
    version: 'latest',
    failed: [
      {
        id: 'appArmorProfile',
        paths: [['metadata', 'annotations', 'container.apparmor.security.beta.kubernetes.io/gone']],
      },
    ],
  },
  {
    name: 'SELinux: container_engine_t refused before v1.31',
    pod: plainPod((p) => {
      context(app(p))['seLinuxOptions'] = { type: 'container_engine_t' };
    }),
    level: 'baseline',
    version: 'v1.30',
    failed: [
      { id: 'seLinuxOptions', paths: [[...C0, 'securityContext', 'seLinuxOptions', 'type']] },
    ],
  },
  {
    name: 'SELinux: container_engine_t allowed from v1.31, level is free',
    pod: plainPod((p) => {
      context(app(p))['seLinuxOptions'] = { type: 'container_engine_t', level: 's0:c1' };
    }),
    level: 'baseline',
    version: 'v1.31',
    failed: [],
  },
  {
    name: 'SELinux: user and role must stay empty',
    pod: plainPod((p) => {
      p.spec.securityContext['seLinuxOptions'] = {
        user: 'system_u',
        role: '',
        type: 'container_t',
      };
      context(init(p))['seLinuxOptions'] = { role: 'sysadm_r' };
    }),
    level: 'baseline',
    version: 'latest',
    failed: [
      {
        id: 'seLinuxOptions',
        paths: [
          ['spec', 'securityContext', 'seLinuxOptions', 'user'],
          [...I0, 'securityContext', 'seLinuxOptions', 'role'],
        ],
      },
    ],
  },
  {
    name: 'seccomp annotations are read up to v1.18',
    pod: plainPod((p) => {
      p.metadata.annotations = {
        'seccomp.security.alpha.kubernetes.io/pod': 'unconfined',
        'container.seccomp.security.alpha.kubernetes.io/app': 'docker/default',
        'container.seccomp.security.alpha.kubernetes.io/init': 'localhost/x',
        'container.seccomp.security.alpha.kubernetes.io/not-a-container': 'unconfined',
      };
    }),
    level: 'baseline',
    version: 'v1.18',
    failed: [
      {
        id: 'seccompProfile_baseline',
        paths: [['metadata', 'annotations', 'seccomp.security.alpha.kubernetes.io/pod']],
      },
    ],
  },
  {
    name: 'seccomp annotations are ignored from v1.19',
    pod: plainPod((p) => {
      p.metadata.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' };
    }),
    level: 'baseline',
    version: 'v1.19',
    failed: [],
  },
  {
    name: 'seccomp fields are ignored before v1.19',
    pod: plainPod((p) => {
      p.spec.securityContext['seccompProfile'] = { type: 'Unconfined' };
    }),
    level: 'baseline',
    version: 'v1.18',
    failed: [],
  },
  {
    name: 'seccomp Unconfined on a container from v1.19; unset is fine at baseline',
    pod: plainPod((p) => {
      context(app(p))['seccompProfile'] = { type: 'Unconfined' };
    }),
    level: 'baseline',
    version: 'v1.19',
    failed: [
      {
        id: 'seccompProfile_baseline',
        paths: [[...C0, 'securityContext', 'seccompProfile', 'type']],
      },
    ],
  },
  {
    name: 'probes and lifecycle hooks aimed at another host; an empty host is fine',
    pod: plainPod((p) => {
      app(p)['livenessProbe'] = { httpGet: { host: '', port: 80 } };
      app(p)['lifecycle'] = { preStop: { tcpSocket: { host: 'metadata.internal', port: 80 } } };
      init(p)['startupProbe'] = { httpGet: { host: '169.254.169.254', port: 80 } };
    }),
    level: 'baseline',
    version: 'v1.34',
    failed: [
      {
        id: 'hostProbesAndHostLifecycle',
        paths: [
          [...I0, 'startupProbe', 'httpGet', 'host'],
          [...C0, 'lifecycle', 'preStop', 'tcpSocket', 'host'],
        ],
      },
    ],
  },
  {
    name: 'procMount other than Default, and sysctls outside the safe set',
    pod: plainPod((p) => {
      context(init(p))['procMount'] = 'Unmasked';
      context(app(p))['procMount'] = 'Default';
      p.spec.securityContext['sysctls'] = [
        { name: 'kernel.shm_rmid_forced', value: '1' },
        { name: 'kernel.msgmax', value: '1' },
      ];
    }),
    level: 'baseline',
    version: 'latest',
    failed: [
      { id: 'sysctls', paths: [['spec', 'securityContext', 'sysctls', 1, 'name']] },
      { id: 'procMount', paths: [[...I0, 'securityContext', 'procMount']] },
    ],
  },
  {
    name: 'Windows host process on the pod',
    pod: plainPod((p) => {
      p.spec.securityContext['windowsOptions'] = { hostProcess: true };
    }),
    level: 'baseline',
    version: 'latest',
    failed: [
      {
        id: 'windowsHostProcess',
        paths: [['spec', 'securityContext', 'windowsOptions', 'hostProcess']],
      },
    ],
  },
];

for (const row of cases) {
  test(`baseline: ${row.name}`, () => {
    assertCase(row);
  });
}
