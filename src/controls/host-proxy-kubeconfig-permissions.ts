import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-proxy-kubeconfig-permissions',
  title: 'kube-proxy kubeconfig file permissions',
  description:
    'Checks on the node that the kubeconfig kube-proxy uses (--kubeconfig) has mode 600 or stricter. Looser permissions let other local users read or change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0164'], cis: ['4.1.3'] },
  remediation:
    'On each node run chmod 600 the kubeconfig kube-proxy uses (--kubeconfig) (adjust the path to your distribution).',
});
