import { defineFlagControl } from './control-plane/flag-control.js';
import { flagNotSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-token-auth-file',
  component: 'kube-apiserver',
  title: 'API server uses a static token file',
  description:
    'Checks that kube-apiserver does not set --token-auth-file. Static tokens live in clear text on the control plane, never expire and can only be changed by restarting the API server.',
  severity: 'high',
  aliases: { kubescape: ['C-0114'], cis: ['1.2.2'] },
  remediation:
    'Remove --token-auth-file and authenticate users with client certificates, OIDC or a webhook instead.',
  rule: flagNotSet('token-auth-file'),
});
