import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-pod-exec',
  title: 'Subjects that can exec into or attach to pods',
  description:
    'Reports subjects allowed to use the pods/exec or pods/attach subresources. Either gives a shell inside running containers, with their mounted tokens and Secrets.',
  severity: 'medium',
  aliases: { kubescape: ['C-0002'] },
  remediation:
    'Grant pods/exec and pods/attach only to break-glass roles; prefer logs, ephemeral debug containers under review, or kubectl debug with audit.',
  risk: (grant) =>
    allowed(
      grant.rule,
      ['create', 'get'],
      [
        { group: '', resource: 'pods', subresource: 'exec' },
        { group: '', resource: 'pods', subresource: 'attach' },
      ],
    ),
});
