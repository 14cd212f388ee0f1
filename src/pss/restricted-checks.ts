import type { JsonPath } from '../core/json-path.js';
import { CONFINED_SECCOMP_TYPES, procMountDefaultOnly } from './baseline-profile-checks.js';
import type { CheckDefinition, CheckFn } from './definition.js';
import { Offences, unless } from './definition.js';
import type { PodView } from './pod-view.js';
import { dict, list, quoteAll, text } from './pod-view.js';

// Restricted checks: hardening beyond the baseline. Some replace a baseline check outright
// (`overrides`), which matters only for which id a finding carries: each is at least as strict.

const ALLOWED_VOLUME_SOURCES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

const restrictedVolumes: CheckFn = (pod) => {
  const paths: JsonPath[] = [];
  const names: string[] = [];
  list(pod.spec['volumes']).forEach((entry, index) => {
    const volume = dict(entry);
    if (volume === undefined) return;
    if (ALLOWED_VOLUME_SOURCES.some((source) => dict(volume[source]) !== undefined)) return;
    // A volume naming no source at all is defaulted to emptyDir by the API server; anything else
    // it names (known restricted types, or types newer than this table) is refused.
    const sources = Object.keys(volume).filter(
      (key) => key !== 'name' && dict(volume[key]) !== undefined,
    );
    for (const source of sources) paths.push(['spec', 'volumes', index, source]);
    if (sources.length > 0) names.push(text(volume['name']));
  });
  if (paths.length === 0) return undefined;
  return { reason: `volumes ${quoteAll(names)} use types outside the restricted set`, paths };
};

const runAsNonRoot: CheckFn = (pod) => {
  const found = new Offences();
  const podValue = pod.podSecurityContext?.['runAsNonRoot'];
  if (podValue === false) found.atPod(['spec', 'securityContext', 'runAsNonRoot']);
  let explicit = !found.empty;
  for (const ref of pod.containers) {
    const value = ref.securityContext?.['runAsNonRoot'];
    if (value === true) continue;
    if (value === false) explicit = true;
    else if (podValue === true) continue;
    found.atContainer(ref, ref.path.concat('securityContext', 'runAsNonRoot'));
  }
  return found.failure((who) =>
    explicit
      ? `${who} must not set runAsNonRoot=false`
      : `runAsNonRoot=true must be set on the pod or on ${who}`,
  );
};

const runAsUser: CheckFn = (pod) => {
  const found = new Offences();
  if (pod.podSecurityContext?.['runAsUser'] === 0) {
    found.atPod(['spec', 'securityContext', 'runAsUser']);
  }
  for (const ref of pod.containers) {
    if (ref.securityContext?.['runAsUser'] === 0) {
      found.atContainer(ref, ref.path.concat('securityContext', 'runAsUser'));
    }
  }
  return found.failure((who) => `${who} must not run as root (runAsUser=0)`);
};

const allowPrivilegeEscalation: CheckFn = (pod) => {
  const found = new Offences();
  for (const ref of pod.containers) {
    if (ref.securityContext?.['allowPrivilegeEscalation'] === false) continue;
    found.atContainer(ref, ref.path.concat('securityContext', 'allowPrivilegeEscalation'));
  }
  return found.failure((who) => `${who} must set allowPrivilegeEscalation=false`);
};

const seccompRequired: CheckFn = (pod) => {
  const found = new Offences();
  const podProfile = dict(pod.podSecurityContext?.['seccompProfile']);
  const podConfined =
    podProfile !== undefined && CONFINED_SECCOMP_TYPES.has(text(podProfile['type']));
  if (podProfile !== undefined && !podConfined) {
    found.atPod(['spec', 'securityContext', 'seccompProfile', 'type']);
  }
  for (const ref of pod.containers) {
    const profile = dict(ref.securityContext?.['seccompProfile']);
    if (profile === undefined ? podConfined : CONFINED_SECCOMP_TYPES.has(text(profile['type']))) {
      continue;
    }
    found.atContainer(ref, ref.path.concat('securityContext', 'seccompProfile', 'type'));
  }
  return found.failure(
    (who) => `${who} must run under seccomp: seccompProfile.type RuntimeDefault or Localhost`,
  );
};

const capabilitiesRestricted: CheckFn = (pod) => {
  const found = new Offences();
  const added: string[] = [];
  let missingDrop = false;
  for (const ref of pod.containers) {
    const capabilities = dict(ref.securityContext?.['capabilities']);
    const at = ref.path.concat('securityContext', 'capabilities');
    if (!list(capabilities?.['drop']).includes('ALL')) {
      found.atContainer(ref, at.concat('drop'));
      missingDrop = true;
    }
    list(capabilities?.['add']).forEach((entry, index) => {
      if (entry === 'NET_BIND_SERVICE') return;
      found.atContainer(ref, at.concat('add', index));
      added.push(text(entry));
    });
  }
  const parts = [
    ...(missingDrop ? ['drop ALL'] : []),
    ...(added.length > 0 ? [`add nothing but NET_BIND_SERVICE (${quoteAll(added)})`] : []),
  ];
  return found.failure(
    (who) => `${who} must ${parts.join(' and ')} in securityContext.capabilities`,
  );
};

const isWindows = (pod: PodView): boolean => pod.windows;
const hasUserNamespace = (pod: PodView): boolean => pod.userNamespace;

/** The restricted checks, in upstream's registration order. */
export const RESTRICTED_CHECKS: readonly CheckDefinition[] = [
  {
    id: 'restrictedVolumes',
    level: 'restricted',
    description:
      'Volumes limited to configMap, csi, downwardAPI, emptyDir, ephemeral, image, PVC, projected and secret.',
    revisions: [
      {
        since: 0,
        change:
          'every volume must use one of the allowed sources (image volumes allowed at every version)',
        evaluate: restrictedVolumes,
        overrides: ['hostPathVolumes'],
      },
    ],
  },
  {
    id: 'runAsNonRoot',
    level: 'restricted',
    description: 'Containers must be required to run as a non-root user.',
    revisions: [
      {
        since: 0,
        change: 'runAsNonRoot=true on the pod or on every container, and never false',
        evaluate: runAsNonRoot,
      },
      {
        since: 35,
        change: 'pods with their own user namespace (hostUsers: false) are exempt',
        evaluate: unless(hasUserNamespace, runAsNonRoot),
      },
    ],
  },
  {
    id: 'runAsUser',
    level: 'restricted',
    description: 'Neither the pod nor a container may set user id 0.',
    revisions: [
      {
        since: 23,
        change: 'runAsUser must not be 0 at pod or container level',
        evaluate: runAsUser,
      },
      {
        since: 35,
        change: 'pods with their own user namespace (hostUsers: false) are exempt',
        evaluate: unless(hasUserNamespace, runAsUser),
      },
    ],
  },
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    description: 'Every container must explicitly forbid privilege escalation.',
    revisions: [
      {
        since: 8,
        change: 'allowPrivilegeEscalation=false on every container',
        evaluate: allowPrivilegeEscalation,
      },
      {
        since: 25,
        change: 'Windows pods (spec.os.name: windows) are exempt',
        evaluate: unless(isWindows, allowPrivilegeEscalation),
      },
    ],
  },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    description: 'Every container must run under a RuntimeDefault or Localhost seccomp profile.',
    revisions: [
      {
        since: 19,
        change: 'seccompProfile.type RuntimeDefault or Localhost on the pod, or on every container',
        evaluate: seccompRequired,
        overrides: ['seccompProfile_baseline'],
      },
      {
        since: 25,
        change: 'Windows pods (spec.os.name: windows) are exempt',
        evaluate: unless(isWindows, seccompRequired),
        overrides: ['seccompProfile_baseline'],
      },
    ],
  },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    description: 'Containers must drop ALL capabilities and may add back only NET_BIND_SERVICE.',
    revisions: [
      {
        since: 22,
        change: 'capabilities.drop includes ALL; capabilities.add at most NET_BIND_SERVICE',
        evaluate: capabilitiesRestricted,
        overrides: ['capabilities_baseline'],
      },
      {
        since: 25,
        change: 'Windows pods (spec.os.name: windows) are exempt',
        evaluate: unless(isWindows, capabilitiesRestricted),
        overrides: ['capabilities_baseline'],
      },
    ],
  },
  {
    id: 'procMount_restricted',
    level: 'restricted',
    description: 'Containers must keep the default masking of /proc, even in a user namespace.',
    revisions: [
      {
        since: 35,
        change: 'procMount must be unset or Default whatever hostUsers says',
        evaluate: procMountDefaultOnly,
        overrides: ['procMount'],
      },
    ],
  },
];
