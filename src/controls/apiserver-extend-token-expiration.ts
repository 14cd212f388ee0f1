import { defineFlagControl } from './control-plane/flag-control.js';
import { flagEquals } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-extend-token-expiration',
  component: 'kube-apiserver',
  title: 'API server extends service account token lifetimes',
  description:
    'Checks that --service-account-extend-token-expiration is false. When true (the default) projected tokens are issued for up to a year during migration, so a leaked token stays useful far longer than its requested lifetime.',
  severity: 'medium',
  aliases: { kubescape: ['C-0290'], cis: ['1.2.30'] },
  remediation:
    'Set --service-account-extend-token-expiration=false on kube-apiserver once workloads reload their projected tokens.',
  rule: flagEquals('service-account-extend-token-expiration', 'false', 'true'),
});
