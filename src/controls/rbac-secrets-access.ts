import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-secrets-access',
  title: 'Subjects that can read Secrets',
  description:
    'Reports subjects whose roles allow get, list or watch on Secrets. Reading Secrets yields service account tokens, registry and cloud credentials, and usually a path to more privileges; list and watch return every Secret in scope at once.',
  severity: 'high',
  aliases: { kubescape: ['C-0015', 'C-0186'], cis: ['5.1.2'] },
  remediation:
    'Remove secrets from the role, or restrict the rule to the few Secrets the subject needs with resourceNames; mount Secrets into the pods that use them instead of reading them through the API.',
  risk: (grant) =>
    allowed(grant.rule, ['get', 'list', 'watch'], [{ group: '', resource: 'secrets' }]),
});
