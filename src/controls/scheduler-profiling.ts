import { defineFlagControl } from './control-plane/flag-control.js';
import { flagEquals } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'scheduler-profiling',
  component: 'kube-scheduler',
  title: 'Scheduler profiling enabled',
  description:
    'Checks that the scheduler runs with --profiling=false. Profiling endpoints expose detailed runtime data and let a caller slow the process down; they are on by default.',
  severity: 'low',
  aliases: { kubescape: ['C-0151'], cis: ['1.4.1'] },
  remediation: 'Add --profiling=false to the scheduler command line in its static Pod manifest.',
  rule: flagEquals('profiling', 'false', 'true'),
});
