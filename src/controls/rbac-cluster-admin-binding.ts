import { defineControl, type Violation } from './define.js';
import {
  bindingOf,
  describeScope,
  describeSubject,
  isBootstrapDefault,
} from './rbac/binding-grants.js';

type MessageId = 'cluster-admin-bound';

export default defineControl({
  id: 'rbac-cluster-admin-binding',
  title: 'Subjects bound to cluster-admin',
  description:
    'Reports every subject of a binding whose roleRef is the cluster-admin ClusterRole, whether or not the role itself is in the scan. cluster-admin can do anything to any object; through a RoleBinding it still owns the whole namespace.',
  severity: 'high',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: alice-admin
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: User
    name: alice
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: alice-view
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: User
    name: alice
`,
  },
  match: { kinds: ['RoleBinding', 'ClusterRoleBinding'] },
  aliases: { kubescape: ['C-0185'], cis: ['5.1.1'] },
  messages: {
    'cluster-admin-bound':
      '{subject} is bound to cluster-admin {scope} by {bindingKind} {binding}.',
  },
  remediation:
    'Bind a role with only the permissions the subject uses; keep cluster-admin for a few break-glass identities, ideally through a group managed outside the cluster.',
  check: (resource, context): Violation<MessageId>[] => {
    const binding = bindingOf(resource, context);
    if (binding === undefined || isBootstrapDefault(resource)) return [];
    const ref = binding.roleRef;
    if (ref?.kind !== 'ClusterRole' || ref.name !== 'cluster-admin') return [];
    return binding.subjects.map(({ subject, path }) => ({
      messageId: 'cluster-admin-bound' as const,
      data: {
        subject: describeSubject(subject),
        scope: describeScope(binding),
        bindingKind: binding.kind,
        binding: resource.name,
      },
      path,
      evidence: `${describeSubject(subject)} -> ${binding.kind} ${resource.name} -> ClusterRole cluster-admin`,
    }));
  },
});
