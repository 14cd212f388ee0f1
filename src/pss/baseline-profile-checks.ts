import type { CheckDefinition, CheckFn } from './definition.js';
import { Offences, unless } from './definition.js';
import type { PodView } from './pod-view.js';
import { dict, list, quoteAll, text } from './pod-view.js';

// Baseline checks about the confinement profiles a container runs under: capabilities, AppArmor,
// SELinux, /proc masking and seccomp.

const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

const capabilitiesBaseline: CheckFn = (pod) => {
  const found = new Offences();
  const added: string[] = [];
  for (const ref of pod.containers) {
    const add = list(dict(ref.securityContext?.['capabilities'])?.['add']);
    add.forEach((entry, index) => {
      const capability = text(entry);
      if (BASELINE_CAPABILITIES.has(capability)) return;
      found.atContainer(ref, ref.path.concat('securityContext', 'capabilities', 'add', index));
      added.push(capability);
    });
  }
  return found.failure(
    (who) => `${who} must not add capabilities beyond the default set (${quoteAll(added)})`,
  );
};

const APPARMOR_CONTAINER_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';
const APPARMOR_TYPES = new Set(['RuntimeDefault', 'Localhost']);

function allowedAppArmorAnnotation(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

const appArmorProfile: CheckFn = (pod) => {
  const found = new Offences();
  const values: string[] = [];
  const podProfile = dict(pod.podSecurityContext?.['appArmorProfile']);
  if (podProfile !== undefined && !APPARMOR_TYPES.has(text(podProfile['type']))) {
    found.atPod(['spec', 'securityContext', 'appArmorProfile', 'type']);
    values.push(text(podProfile['type']));
  }
  for (const ref of pod.containers) {
    const profile = dict(ref.securityContext?.['appArmorProfile']);
    if (profile === undefined || APPARMOR_TYPES.has(text(profile['type']))) continue;
    found.atContainer(ref, ref.path.concat('securityContext', 'appArmorProfile', 'type'));
    values.push(text(profile['type']));
  }
  for (const [key, value] of Object.entries(pod.annotations ?? {})) {
    if (!key.startsWith(APPARMOR_CONTAINER_ANNOTATION) || typeof value !== 'string') continue;
    if (allowedAppArmorAnnotation(value)) continue;
    found.paths.push(['metadata', 'annotations', key]);
    values.push(`${key}=${value}`);
  }
  return found.failure(
    (who) =>
      `${who === '' ? 'annotations' : who} must not disable or override AppArmor (${quoteAll(values)})`,
  );
};

const SELINUX_TYPES_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const SELINUX_TYPES_1_31 = SELINUX_TYPES_1_0.concat('container_engine_t');

function seLinuxAllowing(types: readonly string[]): CheckFn {
  const allowed = new Set(types);
  return (pod: PodView) => {
    const found = new Offences();
    const problems: string[] = [];
    const judge = (
      options: unknown,
      at: readonly (string | number)[],
      mark: (p: (string | number)[]) => void,
    ): void => {
      const opts = dict(options);
      if (opts === undefined) return;
      const type = text(opts['type']);
      if (!allowed.has(type)) {
        mark(at.concat('type'));
        problems.push(`type ${JSON.stringify(type)}`);
      }
      for (const field of ['user', 'role'] as const) {
        if (text(opts[field]) === '') continue;
        mark(at.concat(field));
        problems.push(`${field} set`);
      }
    };
    judge(
      pod.podSecurityContext?.['seLinuxOptions'],
      ['spec', 'securityContext', 'seLinuxOptions'],
      (p) => {
        found.atPod(p);
      },
    );
    for (const ref of pod.containers) {
      const at = ref.path.concat('securityContext', 'seLinuxOptions');
      judge(ref.securityContext?.['seLinuxOptions'], at, (p) => {
        found.atContainer(ref, p);
      });
    }
    return found.failure(
      (who) =>
        `${who} must not set a custom SELinux user, role or type (${[...new Set(problems)].join(', ')})`,
    );
  };
}

/** Any procMount other than `Default` unmasks /proc; shared with the restricted variant. */
export const procMountDefaultOnly: CheckFn = (pod) => {
  const found = new Offences();
  const values: string[] = [];
  for (const ref of pod.containers) {
    const procMount = ref.securityContext?.['procMount'];
    if (typeof procMount !== 'string' || procMount === 'Default') continue;
    found.atContainer(ref, ref.path.concat('securityContext', 'procMount'));
    values.push(procMount);
  }
  return found.failure(
    (who) => `${who} must keep the default /proc masking (procMount ${quoteAll(values)})`,
  );
};

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

function allowedSeccompAnnotation(value: string): boolean {
  return (
    value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/')
  );
}

const seccompAnnotations: CheckFn = (pod) => {
  const annotations = pod.annotations ?? {};
  const keys = [SECCOMP_POD_ANNOTATION];
  for (const ref of pod.containers) keys.push(SECCOMP_CONTAINER_ANNOTATION + ref.name);
  const found = new Offences();
  const values: string[] = [];
  for (const key of new Set(keys)) {
    const value = Object.hasOwn(annotations, key) ? annotations[key] : undefined;
    if (typeof value !== 'string' || allowedSeccompAnnotation(value)) continue;
    found.paths.push(['metadata', 'annotations', key]);
    values.push(`${key}=${value}`);
  }
  return found.failure(() => `seccomp annotations must not disable seccomp (${quoteAll(values)})`);
};

/** Seccomp profile types that keep a filter in place. */
export const CONFINED_SECCOMP_TYPES = new Set(['RuntimeDefault', 'Localhost']);

const seccompFields: CheckFn = (pod) => {
  const found = new Offences();
  const values: string[] = [];
  const podProfile = dict(pod.podSecurityContext?.['seccompProfile']);
  if (podProfile !== undefined && !CONFINED_SECCOMP_TYPES.has(text(podProfile['type']))) {
    found.atPod(['spec', 'securityContext', 'seccompProfile', 'type']);
    values.push(text(podProfile['type']));
  }
  for (const ref of pod.containers) {
    const profile = dict(ref.securityContext?.['seccompProfile']);
    if (profile === undefined || CONFINED_SECCOMP_TYPES.has(text(profile['type']))) continue;
    found.atContainer(ref, ref.path.concat('securityContext', 'seccompProfile', 'type'));
    values.push(text(profile['type']));
  }
  return found.failure(
    (who) => `${who} must not run without a seccomp filter (type ${quoteAll(values)})`,
  );
};

/** The baseline checks about confinement profiles, in upstream's registration order. */
export const BASELINE_PROFILE_CHECKS: readonly CheckDefinition[] = [
  {
    id: 'capabilities_baseline',
    level: 'baseline',
    description: "Containers may add only capabilities from the container runtime's default set.",
    revisions: [
      {
        since: 0,
        change: `capabilities.add limited to ${[...BASELINE_CAPABILITIES].join(', ')}`,
        evaluate: capabilitiesBaseline,
      },
    ],
  },
  {
    id: 'appArmorProfile',
    level: 'baseline',
    description:
      'AppArmor must not be turned off or replaced by anything but a runtime or local profile.',
    revisions: [
      {
        since: 0,
        change:
          'appArmorProfile.type must be RuntimeDefault or Localhost; beta annotations empty, runtime/default or localhost/*',
        evaluate: appArmorProfile,
      },
    ],
  },
  {
    id: 'seLinuxOptions',
    level: 'baseline',
    description: 'No custom SELinux user or role, and only the container SELinux types.',
    revisions: [
      {
        since: 0,
        change: 'type empty, container_t, container_init_t or container_kvm_t; user and role empty',
        evaluate: seLinuxAllowing(SELINUX_TYPES_1_0),
      },
      {
        since: 31,
        change: 'also allows type container_engine_t',
        evaluate: seLinuxAllowing(SELINUX_TYPES_1_31),
      },
    ],
  },
  {
    id: 'procMount',
    level: 'baseline',
    description: 'Containers must keep the default masking of /proc.',
    revisions: [
      {
        since: 0,
        change: 'securityContext.procMount must be unset or Default',
        evaluate: procMountDefaultOnly,
      },
      {
        since: 35,
        change: 'pods with their own user namespace (hostUsers: false) may unmask /proc',
        evaluate: unless((pod) => pod.userNamespace, procMountDefaultOnly),
      },
    ],
  },
  {
    id: 'seccompProfile_baseline',
    level: 'baseline',
    description: 'Seccomp must not be explicitly disabled.',
    revisions: [
      {
        since: 0,
        change: 'seccomp alpha annotations must be runtime/default, docker/default or localhost/*',
        evaluate: seccompAnnotations,
      },
      {
        since: 19,
        change:
          'seccompProfile.type, where set, must be RuntimeDefault or Localhost (annotations no longer read)',
        evaluate: seccompFields,
      },
    ],
  },
];
