import { controlsSettingsOf, DEFAULT_CONTROLS_SETTINGS } from '../config/controls-settings.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { labelSitesOf } from './pod-labels.js';

type MessageId = 'no-recommended-label' | 'missing-required-label';

/**
 * Labels that say what a workload is and who runs it; by default any one of them satisfies the
 * control (`spec.recommendedLabels` of the controls configuration replaces them).
 */
export const RECOMMENDED_LABELS: readonly string[] = DEFAULT_CONTROLS_SETTINGS.recommendedLabels;

export default defineControl({
  id: 'recommended-labels',
  title: 'Workload without recommended labels',
  description: `Flags workloads and pod templates that carry none of the recommended labels (by default ${RECOMMENDED_LABELS.join(', ')}), and, when the controls configuration lists spec.requiredLabels, each of those that is missing. Without such labels, people and policies cannot tell what a workload is, which environment it belongs to or who owns it, and selectors for policies and monitoring have nothing stable to match.`,
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
      component: web
  template:
    metadata:
      labels:
        component: web
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
    app: web
    owner: team-shop
spec:
  selector:
    matchLabels:
      component: web
  template:
    metadata:
      labels:
        app: web
        component: web
    spec:
      containers:
        - name: web
          image: registry.example/shop/web:1.4.2
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0076'] },
  messages: {
    'no-recommended-label': 'The {where} has none of the labels {labels}.',
    'missing-required-label': 'The {where} lacks the required label {label}.',
  },
  remediation:
    'Label every workload and its pod template with at least the application name and, ideally, its tier, environment, version and owner, using the same keys across teams.',
  check: (resource, context) => {
    const { recommendedLabels, requiredLabels } = controlsSettingsOf(context.settings);
    return labelSitesOf(resource).flatMap(({ labels, path, where }): Violation<MessageId>[] => {
      const required = requiredLabels
        .filter((key) => !Object.hasOwn(labels, key))
        .map((label) => ({
          messageId: 'missing-required-label' as const,
          data: { where, label },
          path,
        }));
      if (recommendedLabels.some((key) => Object.hasOwn(labels, key))) return required;
      return [
        {
          messageId: 'no-recommended-label',
          data: { where, labels: recommendedLabels.join(', ') },
          path,
        },
        ...required,
      ];
    });
  },
});
