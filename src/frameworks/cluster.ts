import type { Control } from '../controls/define.js';
import { builtinControls } from '../controls/index.js';
import { defineFramework, type FrameworkSection } from './define.js';

/**
 * Cluster components, in report order. Control-plane, kubelet and RBAC controls are known by
 * their id prefix; node, cloud and manual ones by the data they need (`host-ports` is a workload
 * control despite its prefix).
 */
const COMPONENTS: readonly {
  readonly prefix: string;
  /** Members named one by one, for components whose controls share no prefix. */
  readonly ids?: readonly string[];
  readonly requires?: Control['requires'];
  readonly id: string;
  readonly title: string;
  readonly rationale: string;
}[] = [
  {
    prefix: 'rbac-',
    id: 'rbac',
    title: 'RBAC',
    rationale: 'Judges Roles, ClusterRoles and their bindings.',
  },
  {
    prefix: 'apiserver-',
    id: 'api-server',
    title: 'API server',
    rationale: 'Judges the kube-apiserver flags read from its static pod.',
  },
  {
    prefix: 'controller-manager-',
    id: 'controller-manager',
    title: 'Controller manager',
    rationale: 'Judges the kube-controller-manager flags read from its static pod.',
  },
  {
    prefix: 'scheduler-',
    id: 'scheduler',
    title: 'Scheduler',
    rationale: 'Judges the kube-scheduler flags read from its static pod.',
  },
  {
    prefix: 'etcd-',
    id: 'etcd',
    title: 'etcd',
    rationale: 'Judges the etcd flags read from its static pod.',
  },
  {
    prefix: '',
    ids: [
      'namespace-psa-baseline',
      'namespace-psa-restricted',
      'namespace-policy-mechanism',
      'psp-permissive',
    ],
    id: 'admission-policy',
    title: 'Admission policy',
    rationale:
      'Judges what admission enforces for every namespace: Pod Security Admission labels and legacy PodSecurityPolicies.',
  },
  {
    prefix: '',
    ids: [
      'node-cve-2021-25741',
      'node-cve-2022-23648-containerd',
      'node-kubernetes-version',
      'node-container-optimized-os',
      'kube-proxy-metrics-bind-address',
      'storage-class-encryption',
      'cve-2022-3172-aggregated-api',
    ],
    id: 'nodes-and-infrastructure',
    title: 'Nodes, kube-proxy and storage',
    rationale:
      'Judges Node objects (versions and operating system), the kube-proxy configuration, StorageClasses and aggregated APIServices, as the API reports them.',
  },
  {
    prefix: 'kubelet-',
    id: 'kubelet',
    title: 'Kubelet',
    rationale: 'Judges KubeletConfiguration settings.',
  },
  {
    prefix: 'host-',
    requires: 'host',
    id: 'nodes',
    title: 'Node files and host settings',
    rationale: 'Judges files and settings on nodes; skipped until host data is available.',
  },
  {
    prefix: 'cloud-',
    requires: 'cloud',
    id: 'cloud',
    title: 'Managed cluster and cloud settings',
    rationale: 'Judges cloud provider settings; skipped until cloud data is available.',
  },
  {
    prefix: 'manual-',
    requires: 'manual',
    id: 'manual-review',
    title: 'Manual review',
    rationale: 'Reviews no tool can do; always reported as skipped with what to check.',
  },
];

function belongs(component: (typeof COMPONENTS)[number], control: Control): boolean {
  if (component.ids !== undefined) return component.ids.includes(control.id);
  return component.requires === undefined
    ? control.id.startsWith(component.prefix)
    : control.requires === component.requires;
}

/** True for controls that judge how the cluster is built rather than what runs on it. */
export function isClusterControl(control: Control): boolean {
  return COMPONENTS.some((component) => belongs(component, control));
}

function sections(): FrameworkSection[] {
  return COMPONENTS.map((component) => ({
    id: component.id,
    title: component.title,
    rationale: component.rationale,
    controls: builtinControls.filter((c) => belongs(component, c)).map((c) => c.id),
  }));
}

/**
 * Every control that judges the cluster's own configuration, one section per component. Derived
 * from the control registry, so a new control of a known component joins by itself.
 */
export default defineFramework({
  id: 'cluster',
  name: 'Cluster configuration controls',
  version: '1',
  description:
    'A convenience selection: every control that judges how the cluster itself is built (RBAC, API server, controller manager, scheduler, etcd, kubelet, node files, cloud settings and manual reviews), as opposed to the workloads on it. Many need a live cluster, node or cloud data; without it they are skipped with a reason.',
  convenience: true,
  sections: sections(),
});
