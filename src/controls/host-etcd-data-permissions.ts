import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-etcd-data-permissions',
  title: 'etcd data directory permissions',
  description:
    'Checks on the node that the etcd data directory (--data-dir, usually /var/lib/etcd) has mode 700 or stricter. Looser permissions let other local users read or change it.',
  severity: 'high',
  requires: 'host',
  aliases: { kubescape: ['C-0102'], cis: ['1.1.11'] },
  remediation:
    'On each node run chmod 700 the etcd data directory (--data-dir, usually /var/lib/etcd) (adjust the path to your distribution).',
});
