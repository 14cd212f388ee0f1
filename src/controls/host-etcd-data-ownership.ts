import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-etcd-data-ownership',
  title: 'etcd data directory ownership',
  description:
    'Checks on the node that the etcd data directory (--data-dir, usually /var/lib/etcd) is owned by etcd:etcd, so only administrators can change it.',
  severity: 'high',
  requires: 'host',
  aliases: { kubescape: ['C-0103'], cis: ['1.1.12'] },
  remediation:
    'On each node run chown etcd:etcd the etcd data directory (--data-dir, usually /var/lib/etcd) (adjust the path to your distribution).',
});
