import { defineKubeletControl } from './control-plane/kubelet-control.js';

export default defineKubeletControl({
  id: 'kubelet-iptables-util-chains',
  title: 'kubelet does not manage iptables chains',
  description:
    'Checks that makeIPTablesUtilChains stays true, so the kubelet keeps the iptables utility chains that networking rules depend on.',
  severity: 'low',
  aliases: { kubescape: ['C-0178'], cis: ['4.2.6'] },
  remediation:
    'Remove makeIPTablesUtilChains: false from the kubelet configuration (the default is true).',
  field: ['makeIPTablesUtilChains'],
  expected: 'true',
  accepts: (value) => value === undefined || value === true,
  fixValue: true,
  exampleValues: { failing: false, passing: true },
});
