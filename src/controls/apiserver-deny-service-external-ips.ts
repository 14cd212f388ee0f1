import { defineFlagControl } from './control-plane/flag-control.js';
import { listIncludes } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-deny-service-external-ips',
  component: 'kube-apiserver',
  title: 'DenyServiceExternalIPs admission plugin not enabled',
  description:
    'Checks that the DenyServiceExternalIPs admission plugin is enabled. Without it anyone who can create a Service can claim an external IP and intercept traffic meant for it (CVE-2020-8554).',
  severity: 'medium',
  aliases: { kubescape: ['C-0283', 'C-0115'], cis: ['1.2.3'] },
  remediation:
    'Add DenyServiceExternalIPs to --enable-admission-plugins on kube-apiserver, or block spec.externalIPs with a policy.',
  rule: listIncludes('enable-admission-plugins', 'DenyServiceExternalIPs'),
});
