import { defineFlagControl } from './control-plane/flag-control.js';
import { listIncludes } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-event-rate-limit',
  component: 'kube-apiserver',
  title: 'EventRateLimit admission plugin not enabled',
  description:
    'Checks that the EventRateLimit admission plugin is enabled. It caps how fast events are accepted, so a noisy or hostile client cannot flood the API server and etcd with events.',
  severity: 'medium',
  aliases: { kubescape: ['C-0121'], cis: ['1.2.9'] },
  remediation:
    'Add EventRateLimit to --enable-admission-plugins and give it limits through --admission-control-config-file.',
  rule: listIncludes('enable-admission-plugins', 'EventRateLimit'),
});
