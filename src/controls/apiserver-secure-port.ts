import { defineFlagControl } from './control-plane/flag-control.js';
import { flagNotEquals } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-secure-port',
  component: 'kube-apiserver',
  title: 'API server secure port disabled',
  description:
    'Checks that kube-apiserver does not set --secure-port=0, which turns HTTPS off and leaves only insecure ways to reach the API.',
  severity: 'high',
  aliases: { kubescape: ['C-0128'] },
  remediation: 'Remove --secure-port=0 so the API server serves HTTPS (default port 6443).',
  rule: flagNotEquals('secure-port', '0', '6443'),
});
