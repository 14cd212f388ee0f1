import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-port-forward',
  title: 'Subjects that can port-forward to pods',
  description:
    'Reports subjects allowed to use pods/portforward, which opens a tunnel from their machine straight into any pod in scope, past Services and NetworkPolicies.',
  severity: 'medium',
  aliases: { kubescape: ['C-0063'] },
  remediation: 'Remove pods/portforward from the role or keep it for break-glass roles only.',
  risk: (grant) =>
    allowed(
      grant.rule,
      ['create', 'get'],
      [{ group: '', resource: 'pods', subresource: 'portforward' }],
    ),
});
