import { defineControl } from './define.js';
import { exposuresOf } from './exposure.js';
import { WORKLOAD_KINDS } from './kinds.js';

export default defineControl({
  id: 'external-facing-workload',
  title: 'Workload reachable from outside the cluster',
  description:
    'Flags workloads that receive traffic from outside the cluster: a NodePort or LoadBalancer Service selects their pods, or an Ingress, a Gateway API route (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute) or an Istio VirtualService of their namespace sends traffic to a Service that does. Exposed workloads are where attacks start, so their other findings weigh more.',
  severity: 'medium',
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0256', 'C-0266'] },
  messages: {
    exposed: 'The workload is reachable from outside the cluster through {how}{more}.',
  },
  remediation:
    'Expose only workloads meant to be public; use ClusterIP Services behind one ingress or gateway with TLS and authentication, and record the intended public entry points as exceptions.',
  check: (resource, context) => {
    const exposures = exposuresOf(resource, context);
    const first = exposures[0];
    if (first === undefined) return [];
    const more = exposures.length > 1 ? ` and ${exposures.length - 1} more` : '';
    return [
      {
        messageId: 'exposed',
        data: { how: first.how, more },
        path: ['metadata'],
        evidence: exposures.map((e) => e.how).join('; '),
      },
    ];
  },
});
