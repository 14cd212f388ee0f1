import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-cni-file-permissions',
  title: 'CNI configuration file permissions',
  description:
    'Checks on the node that the CNI configuration directory (/etc/cni/net.d) and /var/lib/cni/networks has mode 600 or stricter. Looser permissions let other local users read or change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0100'], cis: ['1.1.9'] },
  remediation:
    'On each node run chmod 600 the CNI configuration directory (/etc/cni/net.d) and /var/lib/cni/networks (adjust the path to your distribution).',
});
