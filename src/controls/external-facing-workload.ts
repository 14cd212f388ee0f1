import { defineControl } from './define.js';
import { exposuresOf } from './exposure.js';
import { WORKLOAD_KINDS } from './kinds.js';

export default defineControl({
  id: 'external-facing-workload',
  title: 'Workload reachable from outside the cluster',
  description:
    'Flags workloads that receive traffic from outside the cluster: a NodePort or LoadBalancer Service selects their pods, or an Ingress, a Gateway API route (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute) or an Istio VirtualService of their namespace sends traffic to a Service that does. Exposed workloads are where attacks start, so their other findings weigh more.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 443
      targetPort: 8443
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example/shop/web:1.4.2
`,
    passing: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  type: ClusterIP
  selector:
    app: web
  ports:
    - port: 443
      targetPort: 8443
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example/shop/web:1.4.2
`,
  },
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
