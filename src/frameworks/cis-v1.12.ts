import { defineFramework, type FrameworkSection } from './define.js';
import { requirement } from './mapping.js';

/** [recommendation, short title in our words, controls, rationale when not the default]. */
type Row = readonly [id: string, title: string, controls: readonly string[], rationale?: string];

const SAME_SETTING = 'Judges the very file, flag, setting or object the recommendation names.';
const MANUAL = 'A manual-review control: it is reported as skipped with the review to carry out.';
const PSS_PAIR =
  'The first control judges the pod field directly; the Pod Security Standards check judges it as the admission plugin would.';

const GROUPS: Readonly<Record<string, string>> = {
  '1.1': '1.1 Control plane node configuration files',
  '1.2': '1.2 API server',
  '1.3': '1.3 Controller manager',
  '1.4': '1.4 Scheduler',
  '2': '2 etcd',
  '3.1': '3.1 Authentication and authorization',
  '3.2': '3.2 Logging',
  '4.1': '4.1 Worker node configuration files',
  '4.2': '4.2 Kubelet',
  '4.3': '4.3 kube-proxy',
  '5.1': '5.1 RBAC and service accounts',
  '5.2': '5.2 Pod Security Standards',
  '5.3': '5.3 Network policies and CNI',
  '5.4': '5.4 Secrets management',
  '5.5': '5.5 Extensible admission control',
  '5.6': '5.6 General policies',
};

const ROWS: readonly Row[] = [
  [
    '1.1.1',
    'API server pod spec file mode 600 or stricter',
    ['host-apiserver-manifest-permissions'],
  ],
  ['1.1.2', 'API server pod spec file owned by root:root', ['host-apiserver-manifest-ownership']],
  [
    '1.1.3',
    'Controller manager pod spec file mode 600 or stricter',
    ['host-controller-manager-manifest-permissions'],
  ],
  [
    '1.1.4',
    'Controller manager pod spec file owned by root:root',
    ['host-controller-manager-manifest-ownership'],
  ],
  [
    '1.1.5',
    'Scheduler pod spec file mode 600 or stricter',
    ['host-scheduler-manifest-permissions'],
  ],
  ['1.1.6', 'Scheduler pod spec file owned by root:root', ['host-scheduler-manifest-ownership']],
  ['1.1.7', 'etcd pod spec file mode 600 or stricter', ['host-etcd-manifest-permissions']],
  ['1.1.8', 'etcd pod spec file owned by root:root', ['host-etcd-manifest-ownership']],
  ['1.1.9', 'CNI files mode 600 or stricter', ['host-cni-file-permissions']],
  ['1.1.10', 'CNI files owned by root:root', ['host-cni-file-ownership']],
  ['1.1.11', 'etcd data directory mode 700 or stricter', ['host-etcd-data-permissions']],
  ['1.1.12', 'etcd data directory owned by etcd:etcd', ['host-etcd-data-ownership']],
  ['1.1.13', 'Administrator kubeconfig files mode 600', ['host-admin-kubeconfig-permissions']],
  [
    '1.1.14',
    'Administrator kubeconfig files owned by root:root',
    ['host-admin-kubeconfig-ownership'],
  ],
  ['1.1.15', 'scheduler.conf mode 600 or stricter', ['host-scheduler-kubeconfig-permissions']],
  ['1.1.16', 'scheduler.conf owned by root:root', ['host-scheduler-kubeconfig-ownership']],
  [
    '1.1.17',
    'controller-manager.conf mode 600 or stricter',
    ['host-controller-manager-kubeconfig-permissions'],
  ],
  [
    '1.1.18',
    'controller-manager.conf owned by root:root',
    ['host-controller-manager-kubeconfig-ownership'],
  ],
  ['1.1.19', 'PKI directory and files owned by root:root', ['host-pki-ownership']],
  ['1.1.20', 'PKI certificate files mode 644 or stricter', ['host-pki-certificate-permissions']],
  ['1.1.21', 'PKI key files mode 600', ['host-pki-key-permissions']],
  ['1.2.1', 'API server rejects anonymous requests', ['apiserver-anonymous-auth']],
  ['1.2.2', 'API server has no static token file', ['apiserver-token-auth-file']],
  [
    '1.2.3',
    'DenyServiceExternalIPs admission plugin enabled',
    ['apiserver-deny-service-external-ips'],
  ],
  [
    '1.2.4',
    'API server authenticates to kubelets with a client certificate',
    ['apiserver-kubelet-client-certificate'],
  ],
  [
    '1.2.5',
    'API server verifies kubelet serving certificates',
    ['apiserver-kubelet-certificate-authority'],
  ],
  [
    '1.2.6',
    'API server authorization mode is not AlwaysAllow',
    ['apiserver-authorization-not-always-allow'],
  ],
  ['1.2.7', 'API server authorization mode includes Node', ['apiserver-authorization-node']],
  ['1.2.8', 'API server authorization mode includes RBAC', ['apiserver-authorization-rbac']],
  ['1.2.9', 'EventRateLimit admission plugin enabled', ['apiserver-event-rate-limit']],
  ['1.2.10', 'AlwaysAdmit admission plugin not enabled', ['apiserver-always-admit']],
  ['1.2.11', 'AlwaysPullImages admission plugin enabled', ['apiserver-always-pull-images']],
  ['1.2.12', 'ServiceAccount admission plugin enabled', ['apiserver-service-account-plugin']],
  ['1.2.13', 'NamespaceLifecycle admission plugin enabled', ['apiserver-namespace-lifecycle']],
  ['1.2.14', 'NodeRestriction admission plugin enabled', ['apiserver-node-restriction']],
  ['1.2.15', 'API server profiling off', ['apiserver-profiling']],
  ['1.2.16', 'API server writes an audit log', ['apiserver-audit-log-path']],
  ['1.2.17', 'Audit log files kept 30 days or as required', ['apiserver-audit-log-maxage']],
  ['1.2.18', 'Ten or more audit log backups kept', ['apiserver-audit-log-maxbackup']],
  ['1.2.19', 'Audit log files rotated at 100 MB or as required', ['apiserver-audit-log-maxsize']],
  ['1.2.20', 'API server request timeout set sensibly', ['apiserver-request-timeout']],
  ['1.2.21', 'Service account tokens checked against etcd', ['apiserver-service-account-lookup']],
  ['1.2.22', 'Service account verification key file set', ['apiserver-service-account-key-file']],
  [
    '1.2.23',
    'API server uses a client certificate towards etcd',
    ['apiserver-etcd-client-certificate'],
  ],
  ['1.2.24', 'API server serves with its own TLS certificate', ['apiserver-tls-certificate']],
  ['1.2.25', 'API server verifies client certificates', ['apiserver-client-ca-file']],
  ['1.2.26', "API server verifies etcd's certificate", ['apiserver-etcd-ca-file']],
  [
    '1.2.27',
    'Encryption at rest configured on the API server',
    ['apiserver-encryption-provider-config'],
  ],
  ['1.2.28', 'Encryption providers are real ciphers', ['host-encryption-providers']],
  ['1.2.29', 'API server offers only strong TLS cipher suites', ['apiserver-strong-ciphers']],
  ['1.2.30', 'Service account token lifetimes not extended', ['apiserver-extend-token-expiration']],
  [
    '1.3.1',
    'Terminated pod garbage collection threshold set',
    ['controller-manager-terminated-pod-gc-threshold'],
  ],
  ['1.3.2', 'Controller manager profiling off', ['controller-manager-profiling']],
  [
    '1.3.3',
    'Controllers use their own service account credentials',
    ['controller-manager-service-account-credentials'],
  ],
  [
    '1.3.4',
    'Service account signing key file set',
    ['controller-manager-service-account-private-key'],
  ],
  ['1.3.5', 'Root CA file handed to pods', ['controller-manager-root-ca-file']],
  [
    '1.3.6',
    'Kubelet serving certificate rotation on',
    ['controller-manager-rotate-kubelet-server-certificate'],
  ],
  ['1.3.7', 'Controller manager bound to loopback', ['controller-manager-bind-address']],
  ['1.4.1', 'Scheduler profiling off', ['scheduler-profiling']],
  ['1.4.2', 'Scheduler bound to loopback', ['scheduler-bind-address']],
  ['2.1', 'etcd serves clients over TLS', ['etcd-tls-certificate']],
  ['2.2', 'etcd requires client certificates', ['etcd-client-cert-auth']],
  ['2.3', 'etcd does not self-sign client TLS', ['etcd-auto-tls']],
  ['2.4', 'etcd peers talk over TLS', ['etcd-peer-tls-certificate']],
  ['2.5', 'etcd peers authenticate each other', ['etcd-peer-client-cert-auth']],
  ['2.6', 'etcd peers do not self-sign TLS', ['etcd-peer-auto-tls']],
  ['2.7', 'etcd uses a CA of its own', ['etcd-unique-ca']],
  ['3.1.1', 'No client certificates for people', ['manual-client-certificate-users'], MANUAL],
  ['3.1.2', 'No service account tokens for people', ['manual-service-account-token-users'], MANUAL],
  ['3.1.3', 'No bootstrap tokens for people', ['manual-bootstrap-token-users'], MANUAL],
  ['3.2.1', 'A minimal audit policy exists', ['apiserver-audit-policy-file']],
  ['3.2.2', 'The audit policy covers key security concerns', ['host-audit-policy-coverage']],
  ['4.1.1', 'kubelet service file mode 600 or stricter', ['host-kubelet-service-permissions']],
  ['4.1.2', 'kubelet service file owned by root:root', ['host-kubelet-service-ownership']],
  ['4.1.3', 'kube-proxy kubeconfig mode 600 or stricter', ['host-proxy-kubeconfig-permissions']],
  ['4.1.4', 'kube-proxy kubeconfig owned by root:root', ['host-proxy-kubeconfig-ownership']],
  ['4.1.5', 'kubelet.conf mode 600 or stricter', ['host-kubelet-kubeconfig-permissions']],
  ['4.1.6', 'kubelet.conf owned by root:root', ['host-kubelet-kubeconfig-ownership']],
  ['4.1.7', 'Client CA file mode 644 or stricter', ['host-client-ca-permissions']],
  ['4.1.8', 'Client CA file owned by root:root', ['host-client-ca-ownership']],
  ['4.1.9', 'kubelet config file mode 600 or stricter', ['host-kubelet-config-permissions']],
  ['4.1.10', 'kubelet config file owned by root:root', ['host-kubelet-config-ownership']],
  ['4.2.1', 'kubelet rejects anonymous requests', ['kubelet-anonymous-auth']],
  ['4.2.2', 'kubelet authorization mode is not AlwaysAllow', ['kubelet-authorization-mode']],
  ['4.2.3', 'kubelet verifies client certificates', ['kubelet-client-ca-file']],
  ['4.2.4', 'kubelet read-only port closed', ['kubelet-read-only-port']],
  ['4.2.5', 'kubelet streaming connections time out', ['kubelet-streaming-idle-timeout']],
  ['4.2.6', 'kubelet manages its iptables chains', ['kubelet-iptables-util-chains']],
  ['4.2.7', 'kubelet hostname not overridden', ['host-kubelet-hostname-override']],
  ['4.2.8', 'kubelet event rate captures what matters', ['kubelet-event-qps']],
  ['4.2.9', 'kubelet serves with a proper TLS certificate', ['kubelet-tls-certificate']],
  ['4.2.10', 'kubelet client certificate rotation not disabled', ['kubelet-rotate-certificates']],
  ['4.2.11', 'kubelet serving certificate rotation on', ['kubelet-rotate-server-certificates']],
  ['4.2.12', 'kubelet offers only strong TLS cipher suites', ['kubelet-strong-ciphers']],
  ['4.2.13', 'Pod PID limit set', ['kubelet-pod-pids-limit']],
  ['4.3.1', 'kube-proxy metrics bound to localhost', ['kube-proxy-metrics-bind-address']],
  ['5.1.1', 'cluster-admin bound only where required', ['rbac-cluster-admin-binding']],
  ['5.1.2', 'Few subjects can read Secrets', ['rbac-secrets-access']],
  ['5.1.3', 'Few wildcards in Roles and ClusterRoles', ['rbac-wildcard-rules']],
  ['5.1.4', 'Few subjects can create pods', ['rbac-create-pods']],
  [
    '5.1.5',
    'Default service accounts not actively used',
    ['rbac-default-service-account'],
    'Flags bindings that give a default service account permissions, the usual sign it is in active use.',
  ],
  [
    '5.1.6',
    'Service account tokens mounted only where needed',
    ['automount-service-account-token'],
  ],
  ['5.1.7', 'system:masters not used', ['manual-system-masters'], MANUAL],
  ['5.1.8', 'Few subjects can bind, impersonate or escalate', ['rbac-escalate-bind-impersonate']],
  ['5.1.9', 'Few subjects can create PersistentVolumes', ['rbac-create-persistent-volumes']],
  ['5.1.10', 'Few subjects can use nodes/proxy', ['rbac-node-proxy']],
  ['5.1.11', 'Few subjects can approve CSRs', ['rbac-csr-approval']],
  ['5.1.12', 'Few subjects can change webhook configurations', ['rbac-webhook-configuration']],
  ['5.1.13', 'Few subjects can create service account tokens', ['rbac-service-account-token']],
  [
    '5.2.1',
    'At least one active policy control mechanism',
    [
      'namespace-policy-mechanism',
      'namespace-psa-baseline',
      'namespace-psa-restricted',
      'apiserver-pod-security-admission',
    ],
    'The first control asks whether any admission policy (Pod Security Admission labels or a policy webhook) is in force; the others judge the Pod Security Admission labels of each namespace and the API server plugin that enforces them.',
  ],
  ['5.2.2', 'Privileged containers kept out', ['privileged-container', 'pss-privileged'], PSS_PAIR],
  ['5.2.3', 'Host PID namespace kept out', ['host-namespaces', 'pss-host-namespaces'], PSS_PAIR],
  ['5.2.4', 'Host IPC namespace kept out', ['host-namespaces', 'pss-host-namespaces'], PSS_PAIR],
  [
    '5.2.5',
    'Host network namespace kept out',
    ['host-namespaces', 'pss-host-namespaces'],
    PSS_PAIR,
  ],
  [
    '5.2.6',
    'allowPrivilegeEscalation kept out',
    ['allow-privilege-escalation', 'pss-allow-privilege-escalation'],
    PSS_PAIR,
  ],
  [
    '5.2.7',
    'Root containers kept out',
    ['run-as-non-root', 'pss-run-as-non-root', 'pss-run-as-user'],
    PSS_PAIR,
  ],
  [
    '5.2.8',
    'NET_RAW capability kept out',
    ['pss-capabilities-restricted'],
    'The restricted profile requires dropping ALL capabilities, which removes NET_RAW from the default set.',
  ],
  [
    '5.2.9',
    'Containers with capabilities assigned kept out',
    ['added-capabilities', 'pss-capabilities-restricted'],
    'One control flags capabilities added beyond the default set, the other containers that do not drop them all.',
  ],
  ['5.2.10', 'Windows HostProcess containers kept out', ['pss-windows-host-process']],
  ['5.2.11', 'hostPath volumes kept out', ['host-path-volumes', 'pss-host-path-volumes'], PSS_PAIR],
  ['5.2.12', 'Host ports kept out', ['host-ports', 'pss-host-ports'], PSS_PAIR],
  [
    '5.3.1',
    'The CNI plugin enforces NetworkPolicies',
    ['host-cni-network-policy-support', 'cloud-network-policy-enabled'],
    'Read from the node (self-managed) or from the cloud API (managed clusters).',
  ],
  ['5.3.2', 'Every namespace has a NetworkPolicy', ['namespace-network-policy']],
  ['5.4.1', 'Secrets mounted as files, not environment variables', ['secrets-in-env']],
  [
    '5.4.2',
    'External secret storage considered',
    ['host-external-secret-storage'],
    'Looks for a KMS provider in the encryption configuration, the in-cluster sign of an external key store.',
  ],
  [
    '5.5.1',
    'Image provenance enforced at admission',
    ['manual-image-policy-webhook', 'manual-image-signatures'],
    MANUAL,
  ],
  [
    '5.6.1',
    'Namespaces used as administrative boundaries',
    ['manual-namespace-boundaries'],
    MANUAL,
  ],
  ['5.6.2', 'Pods use the runtime default seccomp profile', ['seccomp-profile']],
  [
    '5.6.3',
    'Security contexts applied to pods and containers',
    ['security-context-applied', 'linux-hardening', 'read-only-root-filesystem'],
    'The recommendation is broad: the first control finds containers with no security context at all; the others judge the settings not already judged under 5.2.',
  ],
  ['5.6.4', 'The default namespace is not used', ['default-namespace']],
];

function groupOf(id: string): string {
  const parts = id.split('.');
  const key = parts[0] === '2' ? '2' : parts.slice(0, 2).join('.');
  return GROUPS[key] ?? key;
}

function toSection([id, title, controls, rationale]: Row): FrameworkSection {
  const group = groupOf(id);
  if (controls.length === 0) return requirement({ id, title, group, notCovered: rationale ?? '' });
  return requirement({ id, title, group, evidence: [[controls, rationale ?? SAME_SETTING]] });
}

/**
 * CIS Kubernetes Benchmark v1.12: one section per recommendation, by its number. Recommendations
 * no built-in control can judge are listed with no controls and the reason.
 */
export default defineFramework({
  id: 'cis-v1.12',
  name: 'CIS Kubernetes Benchmark',
  version: '1.12.0',
  description:
    'The Center for Internet Security benchmark for self-managed Kubernetes clusters: control plane files and flags, etcd, authentication and logging, worker nodes, and policies for RBAC, pods, networking and secrets. Each recommendation maps to the controls that judge it; the mapping and the short titles are ours, not the benchmark text. Node file checks need host data and are skipped, with a reason, until it is available.',
  url: 'https://www.cisecurity.org/benchmark/kubernetes',
  sections: ROWS.map(toSection),
});
