import { defineFlagControl } from './control-plane/flag-control.js';
import { staticPodManifest } from './control-plane/flag-examples.js';
import { flagEquals } from './control-plane/flag-rules.js';
import { lazyExamples } from './define.js';

export default defineFlagControl({
  id: 'apiserver-insecure-port',
  component: 'kube-apiserver',
  title: 'API server serves an insecure port',
  description:
    'Checks that kube-apiserver does not open the plain-HTTP insecure port (--insecure-port other than 0, possible up to Kubernetes 1.23). Requests on it skip authentication and authorization entirely.',
  severity: 'critical',
  aliases: { kubescape: ['C-0005'] },
  remediation:
    'Remove --insecure-port and --insecure-bind-address, or set --insecure-port=0, and upgrade to a release where the flag no longer exists.',
  rule: flagEquals('insecure-port', '0', '0'),
  // The flag is gone since v1.24: the examples run the last release that took it.
  examples: lazyExamples(() => ({
    failing: staticPodManifest('kube-apiserver', ['--insecure-port=8080'], 'v1.23.17'),
    passing: staticPodManifest('kube-apiserver', ['--insecure-port=0'], 'v1.23.17'),
  })),
});
