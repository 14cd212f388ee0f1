import { defineFlagControl } from './control-plane/flag-control.js';
import { flagEquals } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-anonymous-auth',
  component: 'kube-apiserver',
  title: 'API server accepts anonymous requests',
  description:
    'Checks that kube-apiserver runs with --anonymous-auth=false. Left on, requests without credentials are served as system:anonymous and reach whatever RBAC grants that user or the system:unauthenticated group.',
  severity: 'high',
  aliases: { kubescape: ['C-0113'], cis: ['1.2.1'] },
  remediation:
    'Set --anonymous-auth=false on kube-apiserver; if load-balancer health checks need anonymous /healthz, keep it on and make sure no binding grants system:anonymous or system:unauthenticated anything else.',
  rule: flagEquals('anonymous-auth', 'false', 'true'),
});
