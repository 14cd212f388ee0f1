import { defineFlagControl } from './control-plane/flag-control.js';
import { positiveDuration } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-request-timeout',
  component: 'kube-apiserver',
  title: 'API server request timeout invalid',
  description:
    'Checks that --request-timeout, when set, is a positive duration. Zero or an unreadable value removes the guard against requests that hold API server resources indefinitely; unset keeps the 60s default.',
  severity: 'medium',
  aliases: { kubescape: ['C-0134'], cis: ['1.2.20'] },
  remediation:
    'Remove --request-timeout to keep the 60s default, or set a positive duration such as --request-timeout=300s.',
  rule: positiveDuration('request-timeout'),
});
