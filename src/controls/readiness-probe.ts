import { defineControl } from './define.js';
import { LONG_RUNNING_KINDS, probeViolations } from './probe-scope.js';
import { judgeContainers } from './workload-scope.js';

export default defineControl({
  id: 'readiness-probe',
  title: 'Readiness probe not configured',
  description:
    'Flags long-running containers without a readinessProbe. Without one, a pod receives Service traffic as soon as its process starts, before it can answer, and keeps receiving it while it is overloaded or stuck.',
  severity: 'low',
  examples: {
    failing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
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
          ports:
            - name: http
              containerPort: 8080
`,
    passing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
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
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 5
`,
  },
  match: { kinds: LONG_RUNNING_KINDS },
  aliases: {
    kubescape: ['C-0018'],
    checkov: ['CKV_K8S_9'],
    polaris: ['readinessProbeMissing'],
    kubeLinter: ['no-readiness-probe'],
  },
  messages: {
    'no-readiness-probe': 'The {container} has no readinessProbe.',
    'invalid-readiness-probe': 'The readinessProbe of the {container} is not an object.',
  },
  remediation:
    'Add a readinessProbe (httpGet, tcpSocket, grpc or exec) that succeeds only when the container can serve requests, for example an HTTP endpoint that checks its own dependencies cheaply.',
  check: (resource) =>
    judgeContainers(
      resource,
      (ref) =>
        probeViolations(ref, 'readinessProbe', {
          missing: 'no-readiness-probe',
          invalid: 'invalid-readiness-probe',
        }),
      ['containers'],
    ),
});
