import { controlsSettingsOf, DEFAULT_CONTROLS_SETTINGS } from '../config/controls-settings.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { labelSitesOf } from './pod-labels.js';

type MessageId = 'no-common-label';

/**
 * The Kubernetes recommended `app.kubernetes.io/*` labels; by default any one of them satisfies
 * the control (`spec.commonLabels` of the controls configuration replaces them).
 */
export const COMMON_LABELS: readonly string[] = DEFAULT_CONTROLS_SETTINGS.commonLabels;

export default defineControl({
  id: 'common-labels',
  title: 'Workload without Kubernetes common labels',
  description:
    'Flags workloads and pod templates that carry none of the app.kubernetes.io/* labels Kubernetes recommends (name, instance, version, component, part-of, managed-by, created-by). Dashboards, kubectl plugins and Helm tooling rely on these keys to group and identify applications. spec.commonLabels of the controls configuration replaces the list.',
  severity: 'low',
  examples: {
    failing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels:
    app: web
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
    passing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels:
    app.kubernetes.io/name: web
    app.kubernetes.io/part-of: shop
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: web
  template:
    metadata:
      labels:
        app.kubernetes.io/name: web
        app.kubernetes.io/part-of: shop
    spec:
      containers:
        - name: web
          image: registry.example/shop/web:1.4.2
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0077'] },
  messages: {
    'no-common-label':
      'The {where} has none of the common labels (app.kubernetes.io/name, instance, ... unless configured otherwise).',
  },
  remediation:
    'Add at least app.kubernetes.io/name and app.kubernetes.io/instance (plus version, component, part-of and managed-by where they apply) to the workload and its pod template.',
  check: (resource, context) => {
    const { commonLabels } = controlsSettingsOf(context.settings);
    return labelSitesOf(resource).flatMap(({ labels, path, where }): Violation<MessageId>[] =>
      commonLabels.some((key) => Object.hasOwn(labels, key))
        ? []
        : [{ messageId: 'no-common-label', data: { where }, path }],
    );
  },
});
