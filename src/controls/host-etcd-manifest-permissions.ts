import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-etcd-manifest-permissions',
  title: 'etcd manifest file permissions',
  description:
    'Checks on the node that /etc/kubernetes/manifests/etcd.yaml has mode 600 or stricter. Looser permissions let other local users read or change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0098'], cis: ['1.1.7'] },
  remediation:
    'On each node run chmod 600 /etc/kubernetes/manifests/etcd.yaml (adjust the path to your distribution).',
});
