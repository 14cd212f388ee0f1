import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-cni-file-ownership',
  title: 'CNI configuration file ownership',
  description:
    'Checks on the node that the CNI configuration directory (/etc/cni/net.d) and /var/lib/cni/networks is owned by root:root, so only administrators can change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0101'], cis: ['1.1.10'] },
  remediation:
    'On each node run chown root:root the CNI configuration directory (/etc/cni/net.d) and /var/lib/cni/networks (adjust the path to your distribution).',
});
