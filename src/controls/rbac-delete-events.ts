import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-delete-events',
  title: 'Subjects that can delete events',
  description:
    'Reports subjects allowed to delete Kubernetes events, which lets an intruder erase traces of what they did.',
  severity: 'medium',
  aliases: { kubescape: ['C-0031'] },
  remediation:
    'Remove delete and deletecollection on events from roles; events expire on their own.',
  risk: (grant) =>
    allowed(
      grant.rule,
      ['delete', 'deletecollection'],
      [
        { group: '', resource: 'events' },
        { group: 'events.k8s.io', resource: 'events' },
      ],
    ),
});
