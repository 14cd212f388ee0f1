import { defineControl } from './define.js';
import { LONG_RUNNING_KINDS, probeViolations } from './probe-scope.js';
import { judgeContainers } from './workload-scope.js';

export default defineControl({
  id: 'liveness-probe',
  title: 'Liveness probe not configured',
  description:
    'Flags long-running containers without a livenessProbe. Without one, the kubelet restarts a container only when its process exits, so a deadlocked or wedged process keeps its pod slot forever.',
  severity: 'medium',
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
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 10
            failureThreshold: 3
`,
  },
  match: { kinds: LONG_RUNNING_KINDS },
  aliases: {
    kubescape: ['C-0056'],
    checkov: ['CKV_K8S_8'],
    polaris: ['livenessProbeMissing'],
    kubeLinter: ['no-liveness-probe'],
  },
  messages: {
    'no-liveness-probe': 'The {container} has no livenessProbe.',
    'invalid-liveness-probe': 'The livenessProbe of the {container} is not an object.',
  },
  remediation:
    'Add a livenessProbe that fails only when the process cannot recover on its own (a cheap local health endpoint, not one that checks downstream services), with a failureThreshold and period generous enough to ride out slow moments.',
  check: (resource) =>
    judgeContainers(
      resource,
      (ref) =>
        probeViolations(ref, 'livenessProbe', {
          missing: 'no-liveness-probe',
          invalid: 'invalid-liveness-probe',
        }),
      ['containers'],
    ),
});
