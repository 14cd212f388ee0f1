import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-host-ports',
  checkId: 'hostPorts',
  title: 'Pod Security Standards (baseline): host ports',
  description:
    "Baseline forbids binding container ports to the node's ports: a hostPort ties the pod to its node, bypasses the Service layer and can shadow node services.",
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
      ports:
        - containerPort: 8080
          hostPort: 8080
`,
    passing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
      ports:
        - containerPort: 8080
`,
  },
  aliases: { kubescape: ['C-0044'], checkov: ['CKV_K8S_26'], trivy: ['KSV024'] },
  messages: {
    'host-port': 'The {where} binds port {value} of the node (hostPort).',
  },
  remediation:
    'Remove ports[].hostPort (or set it to 0) and reach the workload through a Service, an Ingress or a Gateway.',
  classify: (offence) => ({
    messageId: 'host-port',
    fix: [{ op: 'remove', path: offence.path }],
  }),
});
