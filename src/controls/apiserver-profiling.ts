import { defineFlagControl } from './control-plane/flag-control.js';
import { flagEquals } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-profiling',
  component: 'kube-apiserver',
  title: 'API server profiling enabled',
  description:
    'Checks that the API server runs with --profiling=false. Profiling endpoints expose detailed runtime data and let a caller slow the process down; they are on by default.',
  severity: 'low',
  aliases: { kubescape: ['C-0129'], cis: ['1.2.15'] },
  remediation: 'Add --profiling=false to the API server command line in its static Pod manifest.',
  rule: flagEquals('profiling', 'false', 'true'),
});
