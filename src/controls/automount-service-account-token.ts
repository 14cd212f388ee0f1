import type { ScanContext } from '../model/context.js';
import type { Resource } from '../model/resource.js';
import type { PodSpecRef } from '../model/workload.js';
import { defineControl, type CheckResult, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { evidenceOf, judgePodSpec } from './workload-scope.js';

type MessageId = 'pod-automount-enabled' | 'automount-not-disabled' | 'service-account-automount';

const FIELD = 'automountServiceAccountToken';

/** The ServiceAccount pods run as: serviceAccountName, the deprecated serviceAccount, or `default`. */
function serviceAccountName(spec: Readonly<Record<string, unknown>>): string {
  for (const field of ['serviceAccountName', 'serviceAccount']) {
    const value = spec[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return 'default';
}

function judgePod(
  resource: Resource,
  pod: PodSpecRef,
  context: ScanContext,
): Violation<MessageId>[] {
  const value = pod.spec[FIELD];
  const field = pod.path.concat(FIELD);
  const fix = [{ op: 'set' as const, path: field, value: false }];
  if (value === false) return [];
  const serviceAccount = serviceAccountName(pod.spec);
  // An explicit pod setting overrides the ServiceAccount's.
  if (value !== undefined && value !== null) {
    return [
      {
        messageId: 'pod-automount-enabled',
        data: { serviceAccount },
        path: field,
        evidence: evidenceOf(value),
        fix,
      },
    ];
  }
  const account = context.resources.find('ServiceAccount', resource.namespace, serviceAccount);
  if (account?.object[FIELD] === false) return [];
  return [{ messageId: 'automount-not-disabled', data: { serviceAccount }, path: pod.path, fix }];
}

function judgeServiceAccount(resource: Resource): CheckResult<MessageId> {
  const value = resource.object[FIELD];
  if (value === false) return [];
  const present = value !== undefined && value !== null;
  return [
    {
      messageId: 'service-account-automount',
      data: { serviceAccount: resource.name },
      path: present ? [FIELD] : [],
      ...(present ? { evidence: evidenceOf(value) } : {}),
      fix: [{ op: 'set', path: [FIELD], value: false }],
    },
  ];
}

/** Shown by `cubecape explain` and the docs; the meta-test runs them through the control. */
const examples = {
  failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  serviceAccountName: web
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
`,
  passing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  serviceAccountName: web
  automountServiceAccountToken: false
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
`,
};

export default defineControl({
  id: 'automount-service-account-token',
  title: 'Service account token mounted automatically',
  description:
    'Flags pods that get an API token mounted because neither the pod spec nor its ServiceAccount sets automountServiceAccountToken: false, and ServiceAccounts that do not opt out. A mounted token lets anyone who gets code execution in the pod talk to the API server as that account.',
  severity: 'medium',
  match: { kinds: WORKLOAD_KINDS.concat('ServiceAccount') },
  aliases: {
    kubescape: ['C-0034', 'C-0190'],
    checkov: ['CKV_K8S_38'],
    cis: ['5.1.6'],
    polaris: ['automountServiceAccountToken'],
  },
  messages: {
    'pod-automount-enabled':
      'The pod explicitly mounts the token of service account {serviceAccount}.',
    'automount-not-disabled':
      'The pod mounts the token of service account {serviceAccount}: neither the pod nor the service account sets automountServiceAccountToken: false.',
    'service-account-automount':
      'Service account {serviceAccount} does not set automountServiceAccountToken: false, so every pod using it gets its token.',
  },
  remediation:
    'Set automountServiceAccountToken: false on ServiceAccounts and pod specs by default; for the few pods that call the API, enable it on the pod (or mount a projected, short-lived token) and give their ServiceAccount only the RBAC they need.',
  examples,
  check: (resource, context) =>
    resource.kind === 'ServiceAccount'
      ? judgeServiceAccount(resource)
      : judgePodSpec(resource, (pod) => judgePod(resource, pod, context)),
});
