import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';

type Message =
  | 'allows-privileged'
  | 'allows-host-namespace'
  | 'allows-privilege-escalation'
  | 'allows-root'
  | 'allows-added-capabilities'
  | 'no-required-drop-all';

type Spec = Readonly<Record<string, unknown>>;

function hostNamespaces(spec: Spec): Violation<Message>[] {
  return (['hostPID', 'hostIPC', 'hostNetwork'] as const)
    .filter((field) => spec[field] === true)
    .map((field) => ({
      messageId: 'allows-host-namespace' as const,
      data: { field },
      path: ['spec', field],
      evidence: 'true',
      fix: [{ op: 'set' as const, path: ['spec', field], value: false }],
    }));
}

/** Root is kept out by MustRunAsNonRoot, or MustRunAs with every range starting above 0. */
function allowsRoot(spec: Spec): boolean {
  const runAsUser = spec['runAsUser'];
  if (!isRecord(runAsUser)) return true;
  if (runAsUser['rule'] === 'MustRunAsNonRoot') return false;
  if (runAsUser['rule'] !== 'MustRunAs') return true;
  const ranges = runAsUser['ranges'];
  return (
    !Array.isArray(ranges) ||
    ranges.length === 0 ||
    ranges.some((range) => !isRecord(range) || typeof range['min'] !== 'number' || range['min'] < 1)
  );
}

function capabilities(spec: Spec): Violation<Message>[] {
  const out: Violation<Message>[] = [];
  const added = spec['allowedCapabilities'];
  if (Array.isArray(added) && added.length > 0)
    out.push({
      messageId: 'allows-added-capabilities',
      data: { capabilities: added.map(String).join(',') },
      path: ['spec', 'allowedCapabilities'],
      evidence: added.map(String).join(','),
    });
  const dropped = spec['requiredDropCapabilities'];
  if (!Array.isArray(dropped) || !dropped.some((cap) => cap === 'ALL' || cap === 'all'))
    out.push({
      messageId: 'no-required-drop-all',
      path: Array.isArray(dropped) ? ['spec', 'requiredDropCapabilities'] : ['spec'],
    });
  return out;
}

function judge(spec: Spec): Violation<Message>[] {
  const out: Violation<Message>[] = [];
  if (spec['privileged'] === true)
    out.push({
      messageId: 'allows-privileged',
      path: ['spec', 'privileged'],
      evidence: 'true',
      fix: [{ op: 'set', path: ['spec', 'privileged'], value: false }],
    });
  out.push(...hostNamespaces(spec));
  // Unset means allowed: PodSecurityPolicy defaulted allowPrivilegeEscalation to true.
  if (spec['allowPrivilegeEscalation'] !== false)
    out.push({
      messageId: 'allows-privilege-escalation',
      path:
        spec['allowPrivilegeEscalation'] === undefined
          ? ['spec']
          : ['spec', 'allowPrivilegeEscalation'],
      fix: [{ op: 'set', path: ['spec', 'allowPrivilegeEscalation'], value: false }],
    });
  if (allowsRoot(spec))
    out.push({
      messageId: 'allows-root',
      path: isRecord(spec['runAsUser']) ? ['spec', 'runAsUser'] : ['spec'],
    });
  out.push(...capabilities(spec));
  return out;
}

export default defineControl({
  id: 'psp-permissive',
  title: 'PodSecurityPolicy admits risky pods',
  description:
    'Judges legacy PodSecurityPolicy objects (policy/v1beta1, removed in Kubernetes v1.25): a policy that allows privileged containers, host PID, IPC or network namespaces, privilege escalation, root users or added capabilities, or that does not require dropping ALL capabilities, lets every pod that may use it do the same.',
  severity: 'high',
  examples: {
    failing: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: apps
spec:
  privileged: true
  runAsUser:
    rule: RunAsAny
  seLinux:
    rule: RunAsAny
  supplementalGroups:
    rule: RunAsAny
  fsGroup:
    rule: RunAsAny
  volumes: ['*']
`,
    passing: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: apps
spec:
  privileged: false
  allowPrivilegeEscalation: false
  requiredDropCapabilities: ['ALL']
  runAsUser:
    rule: MustRunAsNonRoot
  seLinux:
    rule: RunAsAny
  supplementalGroups:
    rule: MustRunAs
    ranges:
      - min: 1
        max: 65535
  fsGroup:
    rule: MustRunAs
    ranges:
      - min: 1
        max: 65535
  volumes: ['configMap', 'secret', 'emptyDir', 'projected', 'persistentVolumeClaim']
`,
  },
  match: { kinds: ['PodSecurityPolicy'] },
  aliases: {
    kubescape: ['C-0213', 'C-0214', 'C-0215', 'C-0216', 'C-0217', 'C-0218', 'C-0219', 'C-0220'],
  },
  messages: {
    'allows-privileged': 'The policy allows privileged containers.',
    'allows-host-namespace': 'The policy allows {field}: true.',
    'allows-privilege-escalation':
      'The policy does not set allowPrivilegeEscalation: false, so containers may gain privileges.',
    'allows-root':
      'The policy lets containers run as root: runAsUser is neither MustRunAsNonRoot nor MustRunAs with ranges above 0.',
    'allows-added-capabilities': 'The policy lets containers add capabilities {capabilities}.',
    'no-required-drop-all': 'The policy does not require containers to drop ALL capabilities.',
  },
  remediation:
    'Migrate to Pod Security Admission (PodSecurityPolicy is gone since v1.25). Until then, tighten the policy: privileged, hostPID, hostIPC and hostNetwork false, allowPrivilegeEscalation false, runAsUser MustRunAsNonRoot, no allowedCapabilities and requiredDropCapabilities [ALL].',
  check: (resource) => {
    const spec = resource.object['spec'];
    if (!isRecord(spec)) return { skipped: 'spec is missing or not an object' };
    return judge(spec);
  },
});
