import type { JsonPath } from '../core/json-path.js';
import { describeContainer, type ContainerRef } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { normalizeCapability } from './capabilities.js';
import { evidenceOf, judgeContainers, securityContextOf } from './workload-scope.js';

type MessageId = 'allowed' | 'not-disabled' | 'implied-by-privileged' | 'implied-by-sys-admin';

/** The CAP_SYS_ADMIN entry of capabilities.add, which lets a process escalate regardless of the flag. */
function sysAdminEntry(
  context: Readonly<Record<string, unknown>>,
): { index: number; value: string } | undefined {
  const capabilities = context['capabilities'];
  if (!isRecord(capabilities) || !Array.isArray(capabilities['add'])) return undefined;
  const add: unknown[] = capabilities['add'];
  const index = add.findIndex(
    (entry) => typeof entry === 'string' && normalizeCapability(entry) === 'SYS_ADMIN',
  );
  const value = add[index];
  return typeof value === 'string' ? { index, value } : undefined;
}

function judge(ref: ContainerRef): Violation<MessageId>[] {
  const { context, path, parentPath } = securityContextOf(ref);
  const data = { container: describeContainer(ref) };
  const field: JsonPath = path.concat('allowPrivilegeEscalation');
  const fix = [{ op: 'set' as const, path: field, value: false }];
  const value = context?.['allowPrivilegeEscalation'];
  if (value === true) return [{ messageId: 'allowed', data, path: field, evidence: 'true', fix }];
  if (value !== false) {
    const present = value !== undefined && value !== null;
    return [
      {
        messageId: 'not-disabled',
        data,
        path: present ? field : parentPath,
        ...(present ? { evidence: evidenceOf(value) } : {}),
        fix,
      },
    ];
  }
  // false is only honoured when nothing else grants escalation anyway.
  if (context?.['privileged'] === true) {
    return [
      {
        messageId: 'implied-by-privileged',
        data,
        path: path.concat('privileged'),
        evidence: 'true',
      },
    ];
  }
  const sysAdmin = context === undefined ? undefined : sysAdminEntry(context);
  if (sysAdmin !== undefined) {
    const at = path.concat('capabilities', 'add', sysAdmin.index);
    return [{ messageId: 'implied-by-sys-admin', data, path: at, evidence: sysAdmin.value }];
  }
  return [];
}

/** Shown by `cubecape explain` and the docs; the meta-test runs them through the control. */
const examples = {
  failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
      securityContext:
        allowPrivilegeEscalation: true
`,
  passing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
      securityContext:
        allowPrivilegeEscalation: false
`,
};

export default defineControl({
  id: 'allow-privilege-escalation',
  title: 'Privilege escalation allowed',
  description:
    'Flags containers that do not set securityContext.allowPrivilegeEscalation to false, or that are privileged or hold CAP_SYS_ADMIN (which allow escalation whatever the flag says). Without it, setuid binaries and file capabilities let a process gain more privileges than it started with.',
  severity: 'high',
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0016'],
    checkov: ['CKV_K8S_20'],
    pss: ['allowPrivilegeEscalation'],
    cis: ['5.2.6'],
    polaris: ['privilegeEscalationAllowed'],
    kubeLinter: ['privilege-escalation-container'],
    trivy: ['KSV001'],
  },
  messages: {
    allowed: 'Privilege escalation is explicitly allowed for {container}.',
    'not-disabled':
      'Privilege escalation is not disabled for {container} (allowPrivilegeEscalation defaults to true).',
    'implied-by-privileged':
      'The {container} is privileged, which allows privilege escalation even with allowPrivilegeEscalation: false.',
    'implied-by-sys-admin':
      'The {container} adds CAP_SYS_ADMIN, which allows privilege escalation even with allowPrivilegeEscalation: false.',
  },
  remediation:
    'Set securityContext.allowPrivilegeEscalation: false on every container, and do not combine it with privileged: true or an added SYS_ADMIN capability, both of which override it.',
  examples,
  check: (resource) => judgeContainers(resource, judge),
});
