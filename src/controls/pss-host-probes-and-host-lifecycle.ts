import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-host-probes-and-host-lifecycle',
  checkId: 'hostProbesAndHostLifecycle',
  title: 'Pod Security Standards (baseline): probes aimed at other hosts',
  description:
    'From v1.34 baseline forbids setting host on httpGet and tcpSocket handlers of probes and lifecycle hooks: the kubelet makes those connections from the node, so a pod could use them to reach addresses it cannot reach itself.',
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
      livenessProbe:
        httpGet:
          host: 10.0.12.7
          path: /healthz
          port: 8080
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
      livenessProbe:
        httpGet:
          path: /healthz
          port: 8080
`,
  },
  messages: {
    'probe-host':
      'The {where} aims a probe or lifecycle hook at host {value}; it may only target the pod itself.',
  },
  remediation:
    'Remove the host field from the probe or lifecycle handler so the kubelet connects to the pod itself.',
  classify: (offence) => ({
    messageId: 'probe-host',
    fix: [{ op: 'remove', path: offence.path }],
  }),
});
