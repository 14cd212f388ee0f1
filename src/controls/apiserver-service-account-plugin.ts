import { defineFlagControl } from './control-plane/flag-control.js';
import { listExcludes } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-service-account-plugin',
  component: 'kube-apiserver',
  title: 'ServiceAccount admission plugin disabled',
  description:
    'Checks that the ServiceAccount admission plugin, enabled by default, is not turned off with --disable-admission-plugins. It gives every pod a service account and manages its token mount.',
  severity: 'low',
  aliases: { kubescape: ['C-0125'], cis: ['1.2.12'] },
  remediation: 'Remove ServiceAccount from --disable-admission-plugins on kube-apiserver.',
  rule: listExcludes('disable-admission-plugins', 'ServiceAccount'),
});
