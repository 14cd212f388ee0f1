import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-etcd-manifest-ownership',
  title: 'etcd manifest file ownership',
  description:
    'Checks on the node that /etc/kubernetes/manifests/etcd.yaml is owned by root:root, so only administrators can change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0099'], cis: ['1.1.8'] },
  remediation:
    'On each node run chown root:root /etc/kubernetes/manifests/etcd.yaml (adjust the path to your distribution).',
});
