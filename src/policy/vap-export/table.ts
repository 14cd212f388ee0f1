import { containerSc, floatingImage, isNumber, isObject, podSc } from './cel-snippets.js';

/** Which container lists a per-container check covers. */
export type ContainerScope =
  /** containers, initContainers and ephemeralContainers */
  | 'all'
  /** containers and initContainers (ephemeral containers may not declare resources) */
  | 'app'
  /** containers only */
  | 'regular';

/** The kinds an exported policy matches. */
export type ExportKinds = 'workload' | 'long-running' | 'pod';

/** How one built-in control is written in CEL. Exactly one of `container` and `pod` is set. */
export interface ExportRule {
  readonly kinds: ExportKinds;
  /** CEL over `c` (one container, any JSON shape): true when that container complies. */
  readonly container?: { readonly scope: ContainerScope; readonly check: string };
  /** CEL over `object` or `variables.podSpec`: true when the pod complies. */
  readonly pod?: string;
  /** Shown by the API server when the validation fails. */
  readonly message: string;
}

const RUN_AS_USER = `[${containerSc('runAsUser', 'null')}, ${podSc('runAsUser', 'null')}].filter(v, ${isNumber('v')})`;
const RUN_AS_NON_ROOT = `[${containerSc('runAsNonRoot', 'null')}, ${podSc('runAsNonRoot', 'null')}].filter(v, type(v) == bool)`;

/** A non-blank string or a number: a limit (or request) that is set. */
function limitSet(resource: string, field = 'limits'): string {
  const value = `c.?resources.?${field}.?${resource}.orValue(null)`;
  return `((type(${value}) == string && ${value}.trim() != '') || ${isNumber(value)})`;
}

function probeSet(field: string): string {
  return isObject(`c.?${field}.orValue(null)`);
}

/** A capability name as the controls normalise it: trimmed, upper case, without `CAP_`. */
function capabilityIn(names: readonly string[]): string {
  const all = names.flatMap((name) => [`'${name}'`, `'CAP_${name}'`]);
  return `a.trim().upperAscii() in [${all.join(', ')}]`;
}

/** A reference with a repository and a non-empty digest after the first `@`. */
const PINNED_RE = '^(?:[^@:/][^@]*|:[^@]*[:/][^@]*)@(?s:.+)$';
const ADD = containerSc('capabilities.?add', '[]');
const VOLUMES = 'variables.podSpec.?volumes.orValue([])';
const SEC_PROFILE_OWN = containerSc('seccompProfile.?type', 'null');

/**
 * Built-in controls whose logic CEL expresses faithfully, keyed by control id. Settings take
 * their defaults (allowed capabilities NET_BIND_SERVICE, no allowed host paths, no limit bounds).
 */
export const EXPORT_RULES = {
  'privileged-container': {
    kinds: 'workload',
    container: { scope: 'all', check: `${containerSc('privileged', 'false')} != true` },
    message: 'Privileged containers are not allowed: remove securityContext.privileged.',
  },
  'allow-privilege-escalation': {
    kinds: 'workload',
    container: {
      scope: 'all',
      check:
        `${containerSc('allowPrivilegeEscalation', 'null')} == false` +
        ` && ${containerSc('privileged', 'false')} != true` +
        ` && (type(${ADD}) != list` +
        ` || !${ADD}.exists(a, type(a) == string && ${capabilityIn(['SYS_ADMIN'])}))`,
    },
    message:
      'Every container must set securityContext.allowPrivilegeEscalation to false (and not be privileged or add SYS_ADMIN).',
  },
  'run-as-non-root': {
    kinds: 'workload',
    container: {
      scope: 'all',
      check:
        `(size(${RUN_AS_USER}) > 0 && ${RUN_AS_USER}[0] > 0)` +
        ` || (!(size(${RUN_AS_USER}) > 0 && ${RUN_AS_USER}[0] == 0)` +
        ` && size(${RUN_AS_NON_ROOT}) > 0 && ${RUN_AS_NON_ROOT}[0] == true)`,
    },
    message:
      'Containers must run as a non-root user: set runAsNonRoot: true or a non-zero runAsUser.',
  },
  'host-namespaces': {
    kinds: 'workload',
    pod: ['hostNetwork', 'hostPID', 'hostIPC']
      .map((field) => `variables.podSpec.?${field}.orValue(false) != true`)
      .join(' && '),
    message: 'Pods must not share the host network, PID or IPC namespace.',
  },
  'host-path-volumes': {
    kinds: 'workload',
    pod: `type(${VOLUMES}) != list || ${VOLUMES}.all(v, !${isObject('v.?hostPath.orValue(null)')})`,
    message: 'hostPath volumes are not allowed.',
  },
  'host-ports': {
    kinds: 'workload',
    container: {
      scope: 'all',
      check:
        `type(c.?ports.orValue([])) != list || c.?ports.orValue([]).all(p, !(` +
        `(type(p.?hostPort.orValue(null)) == string && !(p.hostPort.trim() in ['', '0']))` +
        ` || (${isNumber('p.?hostPort.orValue(null)')} && p.hostPort != 0)))`,
    },
    message: 'Containers must not bind host ports.',
  },
  'added-capabilities': {
    kinds: 'workload',
    container: {
      scope: 'all',
      check:
        `type(${ADD}) != list` +
        ` || ${ADD}.all(a, type(a) != string || a.trim().upperAscii() in ['', 'CAP_'] || ${capabilityIn(['NET_BIND_SERVICE'])})`,
    },
    message: 'Containers may add no Linux capability other than NET_BIND_SERVICE.',
  },
  'image-tag-latest': {
    kinds: 'workload',
    container: { scope: 'all', check: `!${floatingImage()}` },
    message: 'Images must be pinned to a tag other than latest, or to a digest.',
  },
  'latest-image-pull-policy': {
    kinds: 'workload',
    container: {
      scope: 'all',
      check: `!${floatingImage()} || c.?imagePullPolicy.orValue(null) in [null, 'Always']`,
    },
    message: 'Containers with a latest or untagged image must use imagePullPolicy: Always.',
  },
  'seccomp-profile': {
    kinds: 'workload',
    container: {
      scope: 'all',
      check:
        `(${SEC_PROFILE_OWN} != null ? ${SEC_PROFILE_OWN} : ${podSc('seccompProfile.?type', 'null')})` +
        ` in ['RuntimeDefault', 'Localhost']`,
    },
    message: 'Containers must run with the RuntimeDefault or Localhost seccomp profile.',
  },
  'read-only-root-filesystem': {
    kinds: 'workload',
    container: { scope: 'all', check: `${containerSc('readOnlyRootFilesystem', 'null')} == true` },
    message: 'Containers must set securityContext.readOnlyRootFilesystem: true.',
  },
  'resource-limits': {
    kinds: 'workload',
    container: { scope: 'app', check: `${limitSet('cpu')} && ${limitSet('memory')}` },
    message: 'Containers must set CPU and memory limits.',
  },
  'resource-requests': {
    kinds: 'workload',
    container: {
      scope: 'app',
      check: ['cpu', 'memory']
        .map((r) => `(${limitSet(r, 'requests')} || ${limitSet(r)})`)
        .join(' && '),
    },
    message: 'Containers must set CPU and memory requests (or limits, which requests default to).',
  },
  'image-digest': {
    kinds: 'workload',
    container: {
      scope: 'all',
      check:
        `type(c.?image.orValue(null)) != string || c.image.trim() == ''` +
        ` || c.image.trim().matches('${PINNED_RE}')`,
    },
    message: 'Images must be pinned by digest (image@sha256:...).',
  },
  'naked-pod': {
    kinds: 'pod',
    pod:
      'type(object.?metadata.?ownerReferences.orValue(null)) == list' +
      ' && object.metadata.ownerReferences.exists(o, o.?controller.orValue(false) == true)',
    message: 'Pods must be created by a controller (Deployment, StatefulSet, Job, ...).',
  },
  'liveness-probe': {
    kinds: 'long-running',
    container: { scope: 'regular', check: probeSet('livenessProbe') },
    message: 'Containers must define a liveness probe.',
  },
  'readiness-probe': {
    kinds: 'long-running',
    container: { scope: 'regular', check: probeSet('readinessProbe') },
    message: 'Containers must define a readiness probe.',
  },
} as const satisfies Record<string, ExportRule>;

export type ExportableControlId = keyof typeof EXPORT_RULES;

/** Built-in controls that are not exported, grouped by the reason (also in docs/vap-export.md). */
export const NOT_EXPORTABLE_REASONS = {
  cluster:
    'reads other resources of the scan (ServiceAccounts, Services, RBAC bindings, NetworkPolicies); an admission policy sees one object at a time',
  host: 'judges node files, kubelet or control-plane flags, or cloud settings, which are not Kubernetes objects',
  manual: 'a manual check with no machine-readable evidence',
  other: 'not yet written in CEL',
} as const;
