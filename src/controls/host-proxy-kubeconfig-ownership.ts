import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-proxy-kubeconfig-ownership',
  title: 'kube-proxy kubeconfig file ownership',
  description:
    'Checks on the node that the kubeconfig kube-proxy uses (--kubeconfig) is owned by root:root, so only administrators can change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0165'], cis: ['4.1.4'] },
  remediation:
    'On each node run chown root:root the kubeconfig kube-proxy uses (--kubeconfig) (adjust the path to your distribution).',
});
