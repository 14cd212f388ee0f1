/**
 * Groups of controls that several compliance mappings reuse (SOC 2, PCI DSS, NIST 800-53, HIPAA):
 * each standard asks for the same kinds of evidence in its own words, so a group is defined once
 * and each framework says in its own sentence why the group answers its requirement.
 */

/** Pod and container hardening: what keeps a container from reaching its node. */
export const WORKLOAD_HARDENING = [
  'privileged-container',
  'allow-privilege-escalation',
  'run-as-non-root',
  'read-only-root-filesystem',
  'host-namespaces',
  'host-path-volumes',
  'writable-host-path',
  'host-ports',
  'added-capabilities',
  'container-runtime-socket',
  'sudo-in-entrypoint',
  'seccomp-profile',
  'linux-hardening',
  'security-context-applied',
] as const;

/** The Pod Security Standards checks, baseline and restricted. */
export const PSS_CHECKS = [
  'pss-privileged',
  'pss-host-namespaces',
  'pss-host-ports',
  'pss-host-path-volumes',
  'pss-windows-host-process',
  'pss-host-probes-and-host-lifecycle',
  'pss-sysctls',
  'pss-capabilities-baseline',
  'pss-app-armor-profile',
  'pss-se-linux-options',
  'pss-proc-mount',
  'pss-seccomp-profile-baseline',
  'pss-restricted-volumes',
  'pss-run-as-non-root',
  'pss-run-as-user',
  'pss-allow-privilege-escalation',
  'pss-seccomp-profile-restricted',
  'pss-capabilities-restricted',
  'pss-proc-mount-restricted',
] as const;

/** RBAC rules and bindings that hand out more than a subject needs. */
export const RBAC_PRIVILEGE = [
  'rbac-admin-equivalent',
  'rbac-cluster-admin-binding',
  'rbac-wildcard-rules',
  'rbac-secrets-access',
  'rbac-create-pods',
  'rbac-pod-exec',
  'rbac-port-forward',
  'rbac-escalate-bind-impersonate',
  'rbac-node-proxy',
  'rbac-csr-approval',
  'rbac-webhook-configuration',
  'rbac-service-account-token',
  'rbac-create-persistent-volumes',
  'rbac-delete-workloads',
  'rbac-delete-events',
  'rbac-coredns-configmap',
  'rbac-dashboard-access',
  'rbac-default-service-account',
  'rbac-anonymous-access',
  'rbac-authenticated-group',
  'manual-system-masters',
  'cloud-azure-rbac',
  'workload-admin-roles',
  'workload-cluster-takeover-roles',
  'workload-rbac-token',
] as const;

/** How the API server, kubelet and etcd decide who a caller is. */
export const AUTHENTICATION = [
  'apiserver-anonymous-auth',
  'apiserver-token-auth-file',
  'apiserver-client-ca-file',
  'apiserver-service-account-lookup',
  'apiserver-service-account-key-file',
  'apiserver-service-account-plugin',
  'apiserver-extend-token-expiration',
  'controller-manager-service-account-private-key',
  'kubelet-anonymous-auth',
  'kubelet-client-ca-file',
  'etcd-client-cert-auth',
  'etcd-peer-client-cert-auth',
] as const;

/** Who may use the cluster as a person, and how those identities are managed. */
export const USER_IDENTITIES = [
  'manual-client-certificate-users',
  'manual-service-account-token-users',
  'manual-bootstrap-token-users',
  'manual-iam-authenticator-mappings',
  'manual-system-masters',
  'cloud-eks-access-entries',
  'apiserver-token-auth-file',
] as const;

/** Which authorizers and admission plugins enforce access decisions. */
export const AUTHORIZATION_CONFIG = [
  'apiserver-authorization-not-always-allow',
  'apiserver-authorization-node',
  'apiserver-authorization-rbac',
  'apiserver-node-restriction',
  'apiserver-always-admit',
  'kubelet-authorization-mode',
  'controller-manager-service-account-credentials',
] as const;

/** Workload service accounts and the tokens pods carry. */
export const SERVICE_ACCOUNTS = [
  'automount-service-account-token',
  'rbac-default-service-account',
  'non-existent-service-account',
  'rbac-service-account-token',
  'controller-manager-service-account-credentials',
  'workload-rbac-token',
] as const;

/** TLS between components and towards clients. */
export const TRANSPORT_ENCRYPTION = [
  'ingress-tls',
  'apiserver-tls-certificate',
  'apiserver-kubelet-client-certificate',
  'apiserver-kubelet-certificate-authority',
  'apiserver-etcd-client-certificate',
  'apiserver-etcd-ca-file',
  'apiserver-insecure-port',
  'apiserver-secure-port',
  'etcd-tls-certificate',
  'etcd-auto-tls',
  'etcd-peer-tls-certificate',
  'etcd-peer-auto-tls',
  'kubelet-tls-certificate',
  'controller-manager-root-ca-file',
  'load-balancer-tls',
] as const;

/** Cipher suites and certificate lifetimes. */
export const CRYPTO_STRENGTH = [
  'apiserver-strong-ciphers',
  'kubelet-strong-ciphers',
  'kubelet-rotate-certificates',
  'kubelet-rotate-server-certificates',
  'controller-manager-rotate-kubelet-server-certificate',
] as const;

/** Secrets and other stored data encrypted at rest. */
export const ENCRYPTION_AT_REST = [
  'apiserver-encryption-provider-config',
  'host-encryption-providers',
  'host-external-secret-storage',
  'cloud-secrets-encryption',
  'storage-class-encryption',
] as const;

/** Credentials kept out of manifests, environment variables and node files. */
export const CREDENTIAL_HANDLING = [
  'env-credentials',
  'secrets-in-env',
  'cloud-credentials-mount',
  'automount-service-account-token',
  'rbac-secrets-access',
  'workload-mounted-data',
  'etcd-unique-ca',
] as const;

/** Private keys and kubeconfigs on nodes readable only by their owners. */
export const KEY_FILES = [
  'host-pki-key-permissions',
  'host-pki-certificate-permissions',
  'host-pki-ownership',
  'host-admin-kubeconfig-permissions',
  'host-admin-kubeconfig-ownership',
  'host-scheduler-kubeconfig-permissions',
  'host-scheduler-kubeconfig-ownership',
  'host-controller-manager-kubeconfig-permissions',
  'host-controller-manager-kubeconfig-ownership',
  'host-kubelet-kubeconfig-permissions',
  'host-kubelet-kubeconfig-ownership',
  'host-proxy-kubeconfig-permissions',
  'host-proxy-kubeconfig-ownership',
  'host-client-ca-permissions',
  'host-client-ca-ownership',
] as const;

/** Component manifests, service files and data directories protected on the node. */
export const NODE_FILE_INTEGRITY = [
  'host-apiserver-manifest-permissions',
  'host-apiserver-manifest-ownership',
  'host-controller-manager-manifest-permissions',
  'host-controller-manager-manifest-ownership',
  'host-scheduler-manifest-permissions',
  'host-scheduler-manifest-ownership',
  'host-etcd-manifest-permissions',
  'host-etcd-manifest-ownership',
  'host-etcd-data-permissions',
  'host-etcd-data-ownership',
  'host-cni-file-permissions',
  'host-cni-file-ownership',
  'host-kubelet-service-permissions',
  'host-kubelet-service-ownership',
  'host-kubelet-config-permissions',
  'host-kubelet-config-ownership',
] as const;

/** Pod-to-pod and namespace traffic restricted by network policy. */
export const NETWORK_SEGMENTATION = [
  'network-policy-isolation',
  'namespace-network-policy',
  'host-cni-network-policy-support',
  'cloud-network-policy-enabled',
] as const;

/** What the cluster exposes beyond its boundary. */
export const PERIMETER = [
  'cloud-control-plane-endpoint-restricted',
  'cloud-private-endpoint',
  'cloud-private-nodes',
  'host-instance-metadata-access',
  'apiserver-deny-service-external-ips',
  'apiserver-insecure-port',
  'kubelet-read-only-port',
  'host-ports',
  'ingress-tls',
  'external-facing-workload',
  'exposed-sensitive-interface',
  'ssh-service-port',
  'load-balancer-tls',
] as const;

/** Debug endpoints, listeners and switches that widen the attack surface without need. */
export const UNNEEDED_FUNCTIONALITY = [
  'apiserver-profiling',
  'controller-manager-profiling',
  'scheduler-profiling',
  'controller-manager-bind-address',
  'scheduler-bind-address',
  'kubelet-read-only-port',
  'apiserver-insecure-port',
  'rbac-dashboard-access',
  'kubelet-protect-kernel-defaults',
  'kubelet-iptables-util-chains',
  'host-kubelet-hostname-override',
  'kube-proxy-metrics-bind-address',
  'node-container-optimized-os',
] as const;

/** API audit logging: enabled, with a policy, kept long enough. */
export const AUDIT_LOGGING = [
  'apiserver-audit-log-path',
  'apiserver-audit-policy-file',
  'host-audit-policy-coverage',
  'manual-managed-audit-logs',
  'kubelet-event-qps',
] as const;

/** How long and how much audit history is kept. */
export const AUDIT_RETENTION = [
  'apiserver-audit-log-maxage',
  'apiserver-audit-log-maxbackup',
  'apiserver-audit-log-maxsize',
] as const;

/** Where images come from and whether what runs is what was reviewed. */
export const IMAGE_PROVENANCE = [
  'allowed-registries',
  'forbidden-registries',
  'image-digest',
  'image-tag-latest',
  'latest-image-pull-policy',
  'manual-image-policy-webhook',
  'apiserver-always-pull-images',
  'cloud-registry-user-access',
  'cloud-registry-cluster-read-only',
  'manual-image-signatures',
  'agent-sandbox-hardening',
] as const;

/** Known-vulnerable or unsupported software in the cluster. */
export const KNOWN_VULNERABILITIES = [
  'cve-2022-24348-argocd',
  'cve-2022-39328-grafana',
  'cve-2022-47633-kyverno',
  'ingress-nginx-end-of-life',
  'host-kernel-cve-2022-0185',
  'cloud-registry-image-scanning',
  'node-cve-2021-25741',
  'node-cve-2022-23648-containerd',
  'manual-image-vulnerabilities',
  'cve-2021-25742-ingress-nginx',
  'cve-2022-3172-aggregated-api',
] as const;

/** Software and APIs past their support: still running, no longer fixed. */
export const UNSUPPORTED_COMPONENTS = [
  'ingress-nginx-end-of-life',
  'deprecated-api-version',
  'deprecated-image-registry',
  'node-kubernetes-version',
] as const;

/** Limits that keep one workload or client from starving the others. */
export const RESOURCE_PROTECTION = [
  'resource-limits',
  'resource-requests',
  'kubelet-pod-pids-limit',
  'apiserver-event-rate-limit',
  'apiserver-request-timeout',
  'controller-manager-terminated-pod-gc-threshold',
] as const;

/** Health checks and disruption rules that keep services available through failures. */
export const RESILIENCE = [
  'readiness-probe',
  'liveness-probe',
  'probe-port',
  'pod-disruption-budget',
  'naked-pod',
  'rolling-update-strategy',
] as const;

/** Controlled, reviewable change: pinned images, supported APIs, rolling updates. */
export const CHANGE_CONTROL = [
  'image-digest',
  'image-tag-latest',
  'latest-image-pull-policy',
  'deprecated-api-version',
  'rolling-update-strategy',
  'namespace-policy-mechanism',
  'apiserver-pod-security-admission',
  'manual-admission-webhooks',
  'manual-cronjob-review',
  'manual-service-authentication',
  'namespace-psa-baseline',
  'namespace-psa-restricted',
  'psp-permissive',
] as const;

/** Separation between tenants and teams. */
export const TENANCY = [
  'manual-namespace-boundaries',
  'manual-hostile-multi-tenancy',
  'manual-untrusted-workloads',
  'default-namespace',
  'apiserver-namespace-lifecycle',
] as const;

/** Ownership labels that make an inventory of what runs possible. */
export const INVENTORY = ['recommended-labels', 'common-labels'] as const;

/** References between objects that point at nothing, or at the wrong thing. */
export const BROKEN_REFERENCES = [
  'dangling-service',
  'dangling-ingress-backend',
  'dangling-gateway-backend',
  'dangling-hpa',
  'dangling-network-policy',
  'non-existent-service-account',
  'invalid-target-port',
  'mismatching-selector',
] as const;

/** Manifest details that confuse readers and tools without being a security risk. */
export const MANIFEST_HYGIENE = [
  'recommended-labels',
  'common-labels',
  'duplicate-env-var',
  'deprecated-service-account-field',
  'default-namespace',
] as const;
