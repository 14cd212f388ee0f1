import type { Control } from './define.js';
import apiserverAlwaysAdmit from './apiserver-always-admit.js';
import apiserverAlwaysPullImages from './apiserver-always-pull-images.js';
import apiserverAnonymousAuth from './apiserver-anonymous-auth.js';
import apiserverAuditLogMaxage from './apiserver-audit-log-maxage.js';
import apiserverAuditLogMaxbackup from './apiserver-audit-log-maxbackup.js';
import apiserverAuditLogMaxsize from './apiserver-audit-log-maxsize.js';
import apiserverAuditLogPath from './apiserver-audit-log-path.js';
import apiserverAuditPolicyFile from './apiserver-audit-policy-file.js';
import apiserverAuthorizationNode from './apiserver-authorization-node.js';
import apiserverAuthorizationNotAlwaysAllow from './apiserver-authorization-not-always-allow.js';
import apiserverAuthorizationRbac from './apiserver-authorization-rbac.js';
import apiserverClientCaFile from './apiserver-client-ca-file.js';
import apiserverDenyServiceExternalIps from './apiserver-deny-service-external-ips.js';
import apiserverEncryptionProviderConfig from './apiserver-encryption-provider-config.js';
import apiserverEtcdCaFile from './apiserver-etcd-ca-file.js';
import apiserverEtcdClientCertificate from './apiserver-etcd-client-certificate.js';
import apiserverEventRateLimit from './apiserver-event-rate-limit.js';
import apiserverExtendTokenExpiration from './apiserver-extend-token-expiration.js';
import apiserverInsecurePort from './apiserver-insecure-port.js';
import apiserverKubeletCertificateAuthority from './apiserver-kubelet-certificate-authority.js';
import apiserverKubeletClientCertificate from './apiserver-kubelet-client-certificate.js';
import apiserverNamespaceLifecycle from './apiserver-namespace-lifecycle.js';
import apiserverNodeRestriction from './apiserver-node-restriction.js';
import apiserverProfiling from './apiserver-profiling.js';
import apiserverRequestTimeout from './apiserver-request-timeout.js';
import apiserverSecurePort from './apiserver-secure-port.js';
import apiserverServiceAccountKeyFile from './apiserver-service-account-key-file.js';
import apiserverServiceAccountLookup from './apiserver-service-account-lookup.js';
import apiserverServiceAccountPlugin from './apiserver-service-account-plugin.js';
import apiserverStrongCiphers from './apiserver-strong-ciphers.js';
import apiserverTlsCertificate from './apiserver-tls-certificate.js';
import apiserverTokenAuthFile from './apiserver-token-auth-file.js';
import cloudAzureRbac from './cloud-azure-rbac.js';
import cloudControlPlaneEndpointRestricted from './cloud-control-plane-endpoint-restricted.js';
import cloudEksAccessEntries from './cloud-eks-access-entries.js';
import cloudNetworkPolicyEnabled from './cloud-network-policy-enabled.js';
import cloudPrivateEndpoint from './cloud-private-endpoint.js';
import cloudPrivateNodes from './cloud-private-nodes.js';
import cloudRegistryClusterReadOnly from './cloud-registry-cluster-read-only.js';
import cloudRegistryImageScanning from './cloud-registry-image-scanning.js';
import cloudRegistryUserAccess from './cloud-registry-user-access.js';
import cloudSecretsEncryption from './cloud-secrets-encryption.js';
import controllerManagerBindAddress from './controller-manager-bind-address.js';
import controllerManagerProfiling from './controller-manager-profiling.js';
import controllerManagerRootCaFile from './controller-manager-root-ca-file.js';
import controllerManagerRotateKubeletServerCertificate from './controller-manager-rotate-kubelet-server-certificate.js';
import controllerManagerServiceAccountCredentials from './controller-manager-service-account-credentials.js';
import controllerManagerServiceAccountPrivateKey from './controller-manager-service-account-private-key.js';
import controllerManagerTerminatedPodGcThreshold from './controller-manager-terminated-pod-gc-threshold.js';
import etcdAutoTls from './etcd-auto-tls.js';
import etcdClientCertAuth from './etcd-client-cert-auth.js';
import etcdPeerAutoTls from './etcd-peer-auto-tls.js';
import etcdPeerClientCertAuth from './etcd-peer-client-cert-auth.js';
import etcdPeerTlsCertificate from './etcd-peer-tls-certificate.js';
import etcdTlsCertificate from './etcd-tls-certificate.js';
import hostAdminKubeconfigOwnership from './host-admin-kubeconfig-ownership.js';
import hostAdminKubeconfigPermissions from './host-admin-kubeconfig-permissions.js';
import hostApiserverManifestOwnership from './host-apiserver-manifest-ownership.js';
import hostApiserverManifestPermissions from './host-apiserver-manifest-permissions.js';
import hostAuditPolicyCoverage from './host-audit-policy-coverage.js';
import hostClientCaOwnership from './host-client-ca-ownership.js';
import hostClientCaPermissions from './host-client-ca-permissions.js';
import hostCniFileOwnership from './host-cni-file-ownership.js';
import hostCniFilePermissions from './host-cni-file-permissions.js';
import hostCniNetworkPolicySupport from './host-cni-network-policy-support.js';
import hostControllerManagerKubeconfigOwnership from './host-controller-manager-kubeconfig-ownership.js';
import hostControllerManagerKubeconfigPermissions from './host-controller-manager-kubeconfig-permissions.js';
import hostControllerManagerManifestOwnership from './host-controller-manager-manifest-ownership.js';
import hostControllerManagerManifestPermissions from './host-controller-manager-manifest-permissions.js';
import hostEncryptionProviders from './host-encryption-providers.js';
import hostEtcdDataOwnership from './host-etcd-data-ownership.js';
import hostEtcdDataPermissions from './host-etcd-data-permissions.js';
import hostEtcdManifestOwnership from './host-etcd-manifest-ownership.js';
import hostEtcdManifestPermissions from './host-etcd-manifest-permissions.js';
import hostExternalSecretStorage from './host-external-secret-storage.js';
import hostInstanceMetadataAccess from './host-instance-metadata-access.js';
import hostKernelCve20220185 from './host-kernel-cve-2022-0185.js';
import hostKubeletConfigOwnership from './host-kubelet-config-ownership.js';
import hostKubeletConfigPermissions from './host-kubelet-config-permissions.js';
import hostKubeletHostnameOverride from './host-kubelet-hostname-override.js';
import hostKubeletKubeconfigOwnership from './host-kubelet-kubeconfig-ownership.js';
import hostKubeletKubeconfigPermissions from './host-kubelet-kubeconfig-permissions.js';
import hostKubeletServiceOwnership from './host-kubelet-service-ownership.js';
import hostKubeletServicePermissions from './host-kubelet-service-permissions.js';
import hostPkiCertificatePermissions from './host-pki-certificate-permissions.js';
import hostPkiKeyPermissions from './host-pki-key-permissions.js';
import hostPkiOwnership from './host-pki-ownership.js';
import hostProxyKubeconfigOwnership from './host-proxy-kubeconfig-ownership.js';
import hostProxyKubeconfigPermissions from './host-proxy-kubeconfig-permissions.js';
import hostSchedulerKubeconfigOwnership from './host-scheduler-kubeconfig-ownership.js';
import hostSchedulerKubeconfigPermissions from './host-scheduler-kubeconfig-permissions.js';
import hostSchedulerManifestOwnership from './host-scheduler-manifest-ownership.js';
import hostSchedulerManifestPermissions from './host-scheduler-manifest-permissions.js';
import kubeletAnonymousAuth from './kubelet-anonymous-auth.js';
import kubeletAuthorizationMode from './kubelet-authorization-mode.js';
import kubeletClientCaFile from './kubelet-client-ca-file.js';
import kubeletEventQps from './kubelet-event-qps.js';
import kubeletIptablesUtilChains from './kubelet-iptables-util-chains.js';
import kubeletPodPidsLimit from './kubelet-pod-pids-limit.js';
import kubeletProtectKernelDefaults from './kubelet-protect-kernel-defaults.js';
import kubeletReadOnlyPort from './kubelet-read-only-port.js';
import kubeletRotateCertificates from './kubelet-rotate-certificates.js';
import kubeletRotateServerCertificates from './kubelet-rotate-server-certificates.js';
import kubeletStreamingIdleTimeout from './kubelet-streaming-idle-timeout.js';
import kubeletStrongCiphers from './kubelet-strong-ciphers.js';
import kubeletTlsCertificate from './kubelet-tls-certificate.js';
import manualBootstrapTokenUsers from './manual-bootstrap-token-users.js';
import manualClientCertificateUsers from './manual-client-certificate-users.js';
import manualHostileMultiTenancy from './manual-hostile-multi-tenancy.js';
import manualIamAuthenticatorMappings from './manual-iam-authenticator-mappings.js';
import manualImagePolicyWebhook from './manual-image-policy-webhook.js';
import manualManagedAuditLogs from './manual-managed-audit-logs.js';
import manualNamespaceBoundaries from './manual-namespace-boundaries.js';
import manualServiceAccountTokenUsers from './manual-service-account-token-users.js';
import manualSystemMasters from './manual-system-masters.js';
import manualUntrustedWorkloads from './manual-untrusted-workloads.js';
import schedulerBindAddress from './scheduler-bind-address.js';
import schedulerProfiling from './scheduler-profiling.js';

/** Cluster controls: control-plane flags from static Pods, kubelet configuration, and node, cloud and review items that are listed but skipped. */
export const clusterControls = {
  'apiserver-always-admit': apiserverAlwaysAdmit,
  'apiserver-always-pull-images': apiserverAlwaysPullImages,
  'apiserver-anonymous-auth': apiserverAnonymousAuth,
  'apiserver-audit-log-maxage': apiserverAuditLogMaxage,
  'apiserver-audit-log-maxbackup': apiserverAuditLogMaxbackup,
  'apiserver-audit-log-maxsize': apiserverAuditLogMaxsize,
  'apiserver-audit-log-path': apiserverAuditLogPath,
  'apiserver-audit-policy-file': apiserverAuditPolicyFile,
  'apiserver-authorization-node': apiserverAuthorizationNode,
  'apiserver-authorization-not-always-allow': apiserverAuthorizationNotAlwaysAllow,
  'apiserver-authorization-rbac': apiserverAuthorizationRbac,
  'apiserver-client-ca-file': apiserverClientCaFile,
  'apiserver-deny-service-external-ips': apiserverDenyServiceExternalIps,
  'apiserver-encryption-provider-config': apiserverEncryptionProviderConfig,
  'apiserver-etcd-ca-file': apiserverEtcdCaFile,
  'apiserver-etcd-client-certificate': apiserverEtcdClientCertificate,
  'apiserver-event-rate-limit': apiserverEventRateLimit,
  'apiserver-extend-token-expiration': apiserverExtendTokenExpiration,
  'apiserver-insecure-port': apiserverInsecurePort,
  'apiserver-kubelet-certificate-authority': apiserverKubeletCertificateAuthority,
  'apiserver-kubelet-client-certificate': apiserverKubeletClientCertificate,
  'apiserver-namespace-lifecycle': apiserverNamespaceLifecycle,
  'apiserver-node-restriction': apiserverNodeRestriction,
  'apiserver-profiling': apiserverProfiling,
  'apiserver-request-timeout': apiserverRequestTimeout,
  'apiserver-secure-port': apiserverSecurePort,
  'apiserver-service-account-key-file': apiserverServiceAccountKeyFile,
  'apiserver-service-account-lookup': apiserverServiceAccountLookup,
  'apiserver-service-account-plugin': apiserverServiceAccountPlugin,
  'apiserver-strong-ciphers': apiserverStrongCiphers,
  'apiserver-tls-certificate': apiserverTlsCertificate,
  'apiserver-token-auth-file': apiserverTokenAuthFile,
  'cloud-azure-rbac': cloudAzureRbac,
  'cloud-control-plane-endpoint-restricted': cloudControlPlaneEndpointRestricted,
  'cloud-eks-access-entries': cloudEksAccessEntries,
  'cloud-network-policy-enabled': cloudNetworkPolicyEnabled,
  'cloud-private-endpoint': cloudPrivateEndpoint,
  'cloud-private-nodes': cloudPrivateNodes,
  'cloud-registry-cluster-read-only': cloudRegistryClusterReadOnly,
  'cloud-registry-image-scanning': cloudRegistryImageScanning,
  'cloud-registry-user-access': cloudRegistryUserAccess,
  'cloud-secrets-encryption': cloudSecretsEncryption,
  'controller-manager-bind-address': controllerManagerBindAddress,
  'controller-manager-profiling': controllerManagerProfiling,
  'controller-manager-root-ca-file': controllerManagerRootCaFile,
  'controller-manager-rotate-kubelet-server-certificate':
    controllerManagerRotateKubeletServerCertificate,
  'controller-manager-service-account-credentials': controllerManagerServiceAccountCredentials,
  'controller-manager-service-account-private-key': controllerManagerServiceAccountPrivateKey,
  'controller-manager-terminated-pod-gc-threshold': controllerManagerTerminatedPodGcThreshold,
  'etcd-auto-tls': etcdAutoTls,
  'etcd-client-cert-auth': etcdClientCertAuth,
  'etcd-peer-auto-tls': etcdPeerAutoTls,
  'etcd-peer-client-cert-auth': etcdPeerClientCertAuth,
  'etcd-peer-tls-certificate': etcdPeerTlsCertificate,
  'etcd-tls-certificate': etcdTlsCertificate,
  'host-admin-kubeconfig-ownership': hostAdminKubeconfigOwnership,
  'host-admin-kubeconfig-permissions': hostAdminKubeconfigPermissions,
  'host-apiserver-manifest-ownership': hostApiserverManifestOwnership,
  'host-apiserver-manifest-permissions': hostApiserverManifestPermissions,
  'host-audit-policy-coverage': hostAuditPolicyCoverage,
  'host-client-ca-ownership': hostClientCaOwnership,
  'host-client-ca-permissions': hostClientCaPermissions,
  'host-cni-file-ownership': hostCniFileOwnership,
  'host-cni-file-permissions': hostCniFilePermissions,
  'host-cni-network-policy-support': hostCniNetworkPolicySupport,
  'host-controller-manager-kubeconfig-ownership': hostControllerManagerKubeconfigOwnership,
  'host-controller-manager-kubeconfig-permissions': hostControllerManagerKubeconfigPermissions,
  'host-controller-manager-manifest-ownership': hostControllerManagerManifestOwnership,
  'host-controller-manager-manifest-permissions': hostControllerManagerManifestPermissions,
  'host-encryption-providers': hostEncryptionProviders,
  'host-etcd-data-ownership': hostEtcdDataOwnership,
  'host-etcd-data-permissions': hostEtcdDataPermissions,
  'host-etcd-manifest-ownership': hostEtcdManifestOwnership,
  'host-etcd-manifest-permissions': hostEtcdManifestPermissions,
  'host-external-secret-storage': hostExternalSecretStorage,
  'host-instance-metadata-access': hostInstanceMetadataAccess,
  'host-kernel-cve-2022-0185': hostKernelCve20220185,
  'host-kubelet-config-ownership': hostKubeletConfigOwnership,
  'host-kubelet-config-permissions': hostKubeletConfigPermissions,
  'host-kubelet-hostname-override': hostKubeletHostnameOverride,
  'host-kubelet-kubeconfig-ownership': hostKubeletKubeconfigOwnership,
  'host-kubelet-kubeconfig-permissions': hostKubeletKubeconfigPermissions,
  'host-kubelet-service-ownership': hostKubeletServiceOwnership,
  'host-kubelet-service-permissions': hostKubeletServicePermissions,
  'host-pki-certificate-permissions': hostPkiCertificatePermissions,
  'host-pki-key-permissions': hostPkiKeyPermissions,
  'host-pki-ownership': hostPkiOwnership,
  'host-proxy-kubeconfig-ownership': hostProxyKubeconfigOwnership,
  'host-proxy-kubeconfig-permissions': hostProxyKubeconfigPermissions,
  'host-scheduler-kubeconfig-ownership': hostSchedulerKubeconfigOwnership,
  'host-scheduler-kubeconfig-permissions': hostSchedulerKubeconfigPermissions,
  'host-scheduler-manifest-ownership': hostSchedulerManifestOwnership,
  'host-scheduler-manifest-permissions': hostSchedulerManifestPermissions,
  'kubelet-anonymous-auth': kubeletAnonymousAuth,
  'kubelet-authorization-mode': kubeletAuthorizationMode,
  'kubelet-client-ca-file': kubeletClientCaFile,
  'kubelet-event-qps': kubeletEventQps,
  'kubelet-iptables-util-chains': kubeletIptablesUtilChains,
  'kubelet-pod-pids-limit': kubeletPodPidsLimit,
  'kubelet-protect-kernel-defaults': kubeletProtectKernelDefaults,
  'kubelet-read-only-port': kubeletReadOnlyPort,
  'kubelet-rotate-certificates': kubeletRotateCertificates,
  'kubelet-rotate-server-certificates': kubeletRotateServerCertificates,
  'kubelet-streaming-idle-timeout': kubeletStreamingIdleTimeout,
  'kubelet-strong-ciphers': kubeletStrongCiphers,
  'kubelet-tls-certificate': kubeletTlsCertificate,
  'manual-bootstrap-token-users': manualBootstrapTokenUsers,
  'manual-client-certificate-users': manualClientCertificateUsers,
  'manual-hostile-multi-tenancy': manualHostileMultiTenancy,
  'manual-iam-authenticator-mappings': manualIamAuthenticatorMappings,
  'manual-image-policy-webhook': manualImagePolicyWebhook,
  'manual-managed-audit-logs': manualManagedAuditLogs,
  'manual-namespace-boundaries': manualNamespaceBoundaries,
  'manual-service-account-token-users': manualServiceAccountTokenUsers,
  'manual-system-masters': manualSystemMasters,
  'manual-untrusted-workloads': manualUntrustedWorkloads,
  'scheduler-bind-address': schedulerBindAddress,
  'scheduler-profiling': schedulerProfiling,
} satisfies Record<string, Control>;
