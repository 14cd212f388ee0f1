import { defineFlagControl } from './control-plane/flag-control.js';
import { flagEquals } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'controller-manager-profiling',
  component: 'kube-controller-manager',
  title: 'Controller manager profiling enabled',
  description:
    'Checks that the controller manager runs with --profiling=false. Profiling endpoints expose detailed runtime data and let a caller slow the process down; they are on by default.',
  severity: 'low',
  aliases: { kubescape: ['C-0145'], cis: ['1.3.2'] },
  remediation:
    'Add --profiling=false to the controller manager command line in its static Pod manifest.',
  rule: flagEquals('profiling', 'false', 'true'),
});
