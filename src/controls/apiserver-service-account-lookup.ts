import { defineFlagControl } from './control-plane/flag-control.js';
import { flagEquals } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-service-account-lookup',
  component: 'kube-apiserver',
  title: 'API server does not check service account tokens against etcd',
  description:
    'Checks that --service-account-lookup stays true. With lookup off, tokens of deleted service accounts keep working until they expire.',
  severity: 'medium',
  aliases: { kubescape: ['C-0135'], cis: ['1.2.21'] },
  remediation: 'Remove --service-account-lookup=false from kube-apiserver (the default is true).',
  rule: flagEquals('service-account-lookup', 'true', 'true'),
});
