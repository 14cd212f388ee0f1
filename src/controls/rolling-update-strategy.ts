import { isRecord } from '../model/resource.js';
import { defineControl } from './define.js';
import { evidenceOf } from './workload-scope.js';

/** Where each kind keeps its update strategy and which type updates pods gradually. */
const STRATEGY_FIELDS: Readonly<Record<string, string>> = {
  Deployment: 'strategy',
  DaemonSet: 'updateStrategy',
  StatefulSet: 'updateStrategy',
};

export default defineControl({
  id: 'rolling-update-strategy',
  title: 'Rollouts without a rolling update',
  description:
    'Flags Deployments using the Recreate strategy and DaemonSets or StatefulSets using OnDelete. Recreate stops every pod before starting new ones, so each rollout is an outage; OnDelete never rolls pods out at all until someone deletes them by hand, leaving old (possibly vulnerable) versions running.',
  severity: 'low',
  examples: {
    failing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  strategy:
    type: Recreate
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
    passing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
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
  match: { kinds: Object.keys(STRATEGY_FIELDS) },
  aliases: { kubescape: ['C-0305'], kubeLinter: ['no-rolling-update-strategy'] },
  messages: {
    'not-rolling': 'The {kind} uses the {type} update strategy instead of RollingUpdate.',
  },
  remediation:
    'Use the RollingUpdate strategy (the default) with maxUnavailable and maxSurge chosen for the workload, plus a readiness probe so bad versions stop the rollout.',
  check: (resource) => {
    const field = STRATEGY_FIELDS[resource.kind];
    const spec = resource.object['spec'];
    if (field === undefined || !isRecord(spec))
      return { skipped: 'spec is missing or not an object' };
    const strategy = spec[field];
    const type = isRecord(strategy) ? strategy['type'] : undefined;
    // A missing type defaults to RollingUpdate.
    if (type === undefined || type === null || type === 'RollingUpdate') return [];
    const path = ['spec', field, 'type'];
    return [
      {
        messageId: 'not-rolling',
        data: { kind: resource.kind, type: evidenceOf(type) },
        path,
        evidence: evidenceOf(type),
      },
    ];
  },
});
