import { defineControl, type Violation } from './define.js';
import {
  bindingOf,
  describeScope,
  describeSubject,
  isBootstrapDefault,
} from './rbac/binding-grants.js';

type MessageId = 'dashboard-role' | 'dashboard-admin';

const DASHBOARD = /(^|-)dashboard($|-)/;

export default defineControl({
  id: 'rbac-dashboard-access',
  title: 'Access to the Kubernetes dashboard',
  description:
    "Reports subjects other than the dashboard's own service account that are bound to a dashboard role, and dashboard service accounts bound to cluster-admin. Whoever can reach the dashboard acts with its service account's rights, so a powerful dashboard account is a shortcut to the cluster.",
  severity: 'low',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: dashboard-admin
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: kubernetes-dashboard
    namespace: kubernetes-dashboard
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: dashboard-view
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: ServiceAccount
    name: kubernetes-dashboard
    namespace: kubernetes-dashboard
`,
  },
  match: { kinds: ['RoleBinding', 'ClusterRoleBinding'] },
  aliases: { kubescape: ['C-0014'] },
  messages: {
    'dashboard-role': '{subject} is bound to the dashboard role {role} {scope}.',
    'dashboard-admin': 'The dashboard service account {subject} is bound to cluster-admin {scope}.',
  },
  remediation:
    'Give the dashboard a read-only role and make users sign in with their own tokens; do not bind it to cluster-admin, and do not reuse its role for other subjects.',
  check: (resource, context): Violation<MessageId>[] => {
    const binding = bindingOf(resource, context);
    const ref = binding?.roleRef;
    if (binding === undefined || ref === undefined || isBootstrapDefault(resource)) return [];
    return binding.subjects.flatMap(({ subject, path }): Violation<MessageId>[] => {
      const isDashboardAccount = subject.kind === 'ServiceAccount' && DASHBOARD.test(subject.name);
      const data = {
        subject: describeSubject(subject),
        role: ref.name,
        scope: describeScope(binding),
      };
      const evidence = `${describeSubject(subject)} -> ${binding.kind} ${resource.name} -> ${ref.kind} ${ref.name}`;
      if (isDashboardAccount && ref.kind === 'ClusterRole' && ref.name === 'cluster-admin')
        return [{ messageId: 'dashboard-admin', data, path, evidence }];
      if (!isDashboardAccount && DASHBOARD.test(ref.name))
        return [{ messageId: 'dashboard-role', data, path, evidence }];
      return [];
    });
  },
});
