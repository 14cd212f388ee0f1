import { isRecord, type Resource } from '../model/resource.js';
import {
  labelsOf,
  parseLabelSelector,
  requirementsMatch,
  serviceSelectorMatches,
} from '../model/selectors.js';
import { podSpecOf } from '../model/workload.js';
import { defineControl, type CheckResult } from './define.js';

type MessageId = 'selector-mismatch' | 'invalid-selector' | 'empty-selector' | 'missing-selector';

/** Kinds that own pods through spec.selector and spec.template. */
const CONTROLLER_KINDS = [
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'ReplicationController',
];

/** ReplicationControllers use an equality map; a missing one defaults to the template labels. */
function judgeReplicationController(
  selector: unknown,
  labels: Readonly<Record<string, string>>,
): CheckResult<MessageId> {
  if (selector === undefined || selector === null) return [];
  if (isRecord(selector) && Object.keys(selector).length === 0) return [];
  if (serviceSelectorMatches(selector, labels)) return [];
  return [
    {
      messageId: 'selector-mismatch',
      path: ['spec', 'selector'],
      evidence: JSON.stringify(selector),
    },
  ];
}

function judge(resource: Resource): CheckResult<MessageId> {
  const pod = podSpecOf(resource);
  const spec = resource.object['spec'];
  if (pod === undefined || !isRecord(spec))
    return { skipped: 'spec.template is missing or not an object' };
  const labels = labelsOf(pod.metadata);
  const selector = spec['selector'];
  if (resource.kind === 'ReplicationController')
    return judgeReplicationController(selector, labels);
  if (selector === undefined || selector === null) {
    // Jobs generate their selector unless manualSelector is set.
    return resource.kind === 'Job' ? [] : [{ messageId: 'missing-selector', path: ['spec'] }];
  }
  const path = ['spec', 'selector'];
  const parsed = parseLabelSelector(selector);
  if (parsed === undefined) return [];
  if ('error' in parsed)
    return [
      {
        messageId: 'invalid-selector',
        data: { error: parsed.error },
        path,
        evidence: JSON.stringify(selector),
      },
    ];
  if (parsed.requirements.length === 0) return [{ messageId: 'empty-selector', path }];
  if (requirementsMatch(parsed, labels)) return [];
  return [{ messageId: 'selector-mismatch', path, evidence: JSON.stringify(selector) }];
}

export default defineControl({
  id: 'mismatching-selector',
  title: 'Controller selector does not match its pod template',
  description:
    'Flags Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs and ReplicationControllers whose spec.selector does not match the labels of their own pod template, is empty, invalid or missing. The API server rejects such objects, or the controller cannot find the pods it creates.',
  severity: 'low',
  examples: {
    failing: `apiVersion: apps/v1
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
        app: web-server
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
  match: { kinds: CONTROLLER_KINDS },
  aliases: { kubescape: ['C-0296'], kubeLinter: ['mismatching-selector'] },
  messages: {
    'selector-mismatch': 'spec.selector does not match the labels of spec.template.metadata.',
    'invalid-selector': 'spec.selector is invalid: {error}.',
    'empty-selector':
      'spec.selector is empty; it must name at least one label of the pod template.',
    'missing-selector': 'spec.selector is missing.',
  },
  remediation:
    'Set spec.selector.matchLabels to a stable subset of spec.template.metadata.labels (for example app.kubernetes.io/name and app.kubernetes.io/instance). Selectors are immutable on most kinds, so choose them once.',
  check: judge,
});
