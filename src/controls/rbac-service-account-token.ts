import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-service-account-token',
  title: 'Subjects that can create service account tokens',
  description:
    'Reports subjects allowed to create serviceaccounts/token, which issues a fresh token for any service account in scope and so borrows its permissions.',
  severity: 'medium',
  aliases: { kubescape: ['C-0282'], cis: ['5.1.13'] },
  remediation:
    'Remove serviceaccounts/token create from roles, or restrict it with resourceNames to the accounts the subject manages.',
  risk: (grant) =>
    allowed(
      grant.rule,
      ['create'],
      [{ group: '', resource: 'serviceaccounts', subresource: 'token' }],
    ),
});
