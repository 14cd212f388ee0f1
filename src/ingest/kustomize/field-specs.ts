/** Where kustomize's built-in transformers write labels and annotations, per kind. */

/** A field path (`a/b[]/c`) applied to resources of `kinds` (all when undefined). */
export interface FieldSpec {
  readonly kinds?: readonly string[];
  readonly path: string;
  readonly create: boolean;
}

const WORKLOADS = ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'];
const AFFINITY = [
  'podAffinity/preferredDuringSchedulingIgnoredDuringExecution[]/podAffinityTerm',
  'podAffinity/requiredDuringSchedulingIgnoredDuringExecution[]',
  'podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution[]/podAffinityTerm',
  'podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution[]',
];

/** Pod template label paths: what `labels` with `includeTemplates` touches. */
export const TEMPLATE_LABEL_SPECS: readonly FieldSpec[] = [
  {
    kinds: ['ReplicationController', ...WORKLOADS, 'Job'],
    path: 'spec/template/metadata/labels',
    create: true,
  },
  { kinds: ['StatefulSet'], path: 'spec/volumeClaimTemplates[]/metadata/labels', create: true },
  { kinds: ['CronJob'], path: 'spec/jobTemplate/metadata/labels', create: true },
  { kinds: ['CronJob'], path: 'spec/jobTemplate/spec/template/metadata/labels', create: true },
];

/** Selector paths: what `commonLabels` and `labels` with `includeSelectors` also touch. */
export const SELECTOR_LABEL_SPECS: readonly FieldSpec[] = [
  { kinds: ['Service', 'ReplicationController'], path: 'spec/selector', create: true },
  { kinds: WORKLOADS, path: 'spec/selector/matchLabels', create: true },
  { kinds: ['Job'], path: 'spec/selector/matchLabels', create: false },
  { kinds: ['CronJob'], path: 'spec/jobTemplate/spec/selector/matchLabels', create: false },
  { kinds: ['PodDisruptionBudget'], path: 'spec/selector/matchLabels', create: false },
  { kinds: ['NetworkPolicy'], path: 'spec/podSelector/matchLabels', create: false },
  {
    kinds: ['NetworkPolicy'],
    path: 'spec/ingress[]/from[]/podSelector/matchLabels',
    create: false,
  },
  { kinds: ['NetworkPolicy'], path: 'spec/egress[]/to[]/podSelector/matchLabels', create: false },
  ...AFFINITY.map((term) => ({
    kinds: ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job'],
    path: `spec/template/spec/affinity/${term}/labelSelector/matchLabels`,
    create: false,
  })),
];

/** `commonAnnotations` paths beyond metadata: annotations on pod templates. */
export const TEMPLATE_ANNOTATION_SPECS: readonly FieldSpec[] = [
  {
    kinds: ['ReplicationController', ...WORKLOADS, 'Job'],
    path: 'spec/template/metadata/annotations',
    create: true,
  },
  { kinds: ['CronJob'], path: 'spec/jobTemplate/metadata/annotations', create: true },
  { kinds: ['CronJob'], path: 'spec/jobTemplate/spec/template/metadata/annotations', create: true },
];

/** Kinds whose `spec/replicas` the `replicas` field sets. */
export const REPLICA_KINDS = new Set([
  'Deployment',
  'ReplicationController',
  'ReplicaSet',
  'StatefulSet',
]);
