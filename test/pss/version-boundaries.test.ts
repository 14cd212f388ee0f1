// Each row runs the same pod just before and at the version where a rule changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PssCheckId, PssLevel, PssVersion } from '../../src/pss/index.js';
import { evaluatePodSecurity } from '../../src/pss/index.js';
import type { TestPod } from './pods.js';
import { app, context, init, plainPod, restrictedPod } from './pods.js';

interface Boundary {
  readonly name: string;
  readonly pod: TestPod;
  readonly level: PssLevel;
  /** The version where the change takes effect; the row also runs the version before it. */
  readonly at: number;
  readonly before: readonly PssCheckId[];
  readonly after: readonly PssCheckId[];
}

const sysctl = (name: string): TestPod =>
  plainPod((p) => {
    p.spec.securityContext['sysctls'] = [{ name, value: '1' }];
  });

const windowsPod = restrictedPod((p) => {
  p.spec['os'] = { name: 'windows' };
  p.spec.securityContext = { runAsNonRoot: true };
  delete app(p)['securityContext'];
  delete init(p)['securityContext'];
});

const boundaries: Boundary[] = [
  {
    name: 'ip_local_reserved_ports',
    pod: sysctl('net.ipv4.ip_local_reserved_ports'),
    level: 'baseline',
    at: 27,
    before: ['sysctls'],
    after: [],
  },
  {
    name: 'tcp_keepalive_time',
    pod: sysctl('net.ipv4.tcp_keepalive_time'),
    level: 'baseline',
    at: 29,
    before: ['sysctls'],
    after: [],
  },
  {
    name: 'tcp_rmem',
    pod: sysctl('net.ipv4.tcp_rmem'),
    level: 'baseline',
    at: 32,
    before: ['sysctls'],
    after: [],
  },
  {
    name: 'tcp_notsent_lowat',
    pod: sysctl('net.ipv4.tcp_notsent_lowat'),
    level: 'baseline',
    at: 37,
    before: ['sysctls'],
    after: [],
  },
  {
    name: 'probe aimed at another host',
    pod: plainPod((p) => {
      app(p)['readinessProbe'] = { httpGet: { host: '10.0.0.1', port: 80 } };
    }),
    level: 'baseline',
    at: 34,
    before: [],
    after: ['hostProbesAndHostLifecycle'],
  },
  {
    name: 'unmasked /proc in a user namespace, baseline',
    pod: plainPod((p) => {
      p.spec['hostUsers'] = false;
      context(app(p))['procMount'] = 'Unmasked';
    }),
    level: 'baseline',
    at: 35,
    before: ['procMount'],
    after: [],
  },
  {
    name: 'unmasked /proc in a user namespace, restricted',
    pod: restrictedPod((p) => {
      p.spec['hostUsers'] = false;
      context(app(p))['procMount'] = 'Unmasked';
    }),
    level: 'restricted',
    at: 35,
    before: ['procMount'],
    after: ['procMount_restricted'],
  },
  {
    name: 'root user in a user namespace',
    pod: restrictedPod((p) => {
      p.spec['hostUsers'] = false;
      p.spec.securityContext = { runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } };
    }),
    level: 'restricted',
    at: 35,
    before: ['runAsNonRoot', 'runAsUser'],
    after: [],
  },
  {
    name: 'runAsUser check appears',
    pod: restrictedPod((p) => {
      p.spec.securityContext['runAsUser'] = 0;
    }),
    level: 'restricted',
    at: 23,
    before: [],
    after: ['runAsUser'],
  },
  {
    name: 'allowPrivilegeEscalation check appears',
    pod: restrictedPod((p) => {
      delete context(app(p))['allowPrivilegeEscalation'];
    }),
    level: 'restricted',
    at: 8,
    before: [],
    after: ['allowPrivilegeEscalation'],
  },
  {
    name: 'seccomp becomes required',
    pod: restrictedPod((p) => {
      delete p.spec.securityContext['seccompProfile'];
    }),
    level: 'restricted',
    at: 19,
    before: [],
    after: ['seccompProfile_restricted'],
  },
  {
    name: 'capabilities: drop ALL becomes required, and replaces the baseline check',
    pod: restrictedPod((p) => {
      context(app(p))['capabilities'] = { add: ['CHOWN'] };
    }),
    level: 'restricted',
    at: 22,
    before: [],
    after: ['capabilities_restricted'],
  },
  {
    name: 'Windows pods leave the Linux-only restricted checks',
    pod: windowsPod,
    level: 'restricted',
    at: 25,
    before: ['allowPrivilegeEscalation', 'seccompProfile_restricted', 'capabilities_restricted'],
    after: [],
  },
];

for (const row of boundaries) {
  test(`boundary v1.${row.at}: ${row.name}`, () => {
    const ids = (version: PssVersion): PssCheckId[] =>
      evaluatePodSecurity(row.pod, row.level, version).map((r) => r.checkId);
    assert.deepEqual(ids(`v1.${row.at - 1}`), row.before, 'before the boundary');
    assert.deepEqual(ids(`v1.${row.at}`), row.after, 'at the boundary');
    assert.deepEqual(ids('latest'), ids('v1.37'), 'latest is the newest version');
  });
}

test('a Windows pod still has to run as non-root', () => {
  const pod = structuredClone(windowsPod);
  pod.spec.securityContext = {};
  const ids = evaluatePodSecurity(pod, 'restricted', 'latest').map((r) => r.checkId);
  assert.deepEqual(ids, ['runAsNonRoot']);
});

test('a user-namespace pod must still drop capabilities at restricted', () => {
  const pod = restrictedPod((p) => {
    p.spec['hostUsers'] = false;
    context(init(p))['capabilities'] = { drop: ['NET_RAW'] };
  });
  const ids = evaluatePodSecurity(pod, 'restricted', 'latest').map((r) => r.checkId);
  assert.deepEqual(ids, ['capabilities_restricted']);
});

test('versions newer than known evaluate as latest', () => {
  const pod = sysctl('net.ipv4.tcp_notsent_lowat');
  assert.deepEqual(evaluatePodSecurity(pod, 'baseline', 'v1.99'), []);
  assert.equal(evaluatePodSecurity(pod, 'baseline', 'v1.36').length, 1);
});
