import type { Control } from './define.js';
import agentSandboxHardening from './agent-sandbox-hardening.js';
import apiserverPodSecurityAdmission from './apiserver-pod-security-admission.js';
import cve202125742IngressNginx from './cve-2021-25742-ingress-nginx.js';
import cve20223172AggregatedApi from './cve-2022-3172-aggregated-api.js';
import etcdUniqueCa from './etcd-unique-ca.js';
import exposedSensitiveInterface from './exposed-sensitive-interface.js';
import externalFacingWorkload from './external-facing-workload.js';
import kubeProxyMetricsBindAddress from './kube-proxy-metrics-bind-address.js';
import loadBalancerTls from './load-balancer-tls.js';
import manualAdmissionWebhooks from './manual-admission-webhooks.js';
import manualCronjobReview from './manual-cronjob-review.js';
import manualImageSignatures from './manual-image-signatures.js';
import manualImageVulnerabilities from './manual-image-vulnerabilities.js';
import manualServiceAuthentication from './manual-service-authentication.js';
import nodeContainerOptimizedOs from './node-container-optimized-os.js';
import nodeCve202125741 from './node-cve-2021-25741.js';
import nodeCve202223648Containerd from './node-cve-2022-23648-containerd.js';
import nodeKubernetesVersion from './node-kubernetes-version.js';
import namespacePolicyMechanism from './namespace-policy-mechanism.js';
import namespacePsaBaseline from './namespace-psa-baseline.js';
import namespacePsaRestricted from './namespace-psa-restricted.js';
import pspPermissive from './psp-permissive.js';
import securityContextApplied from './security-context-applied.js';
import sshServicePort from './ssh-service-port.js';
import storageClassEncryption from './storage-class-encryption.js';
import workloadAdminRoles from './workload-admin-roles.js';
import workloadClusterTakeoverRoles from './workload-cluster-takeover-roles.js';
import workloadMountedData from './workload-mounted-data.js';
import workloadRbacToken from './workload-rbac-token.js';

/**
 * Cluster posture controls: admission policy in force (namespace Pod Security labels, admission
 * plugins), what a workload's token can do through RBAC, component isolation, and review items.
 */
export const postureControls = {
  'namespace-psa-baseline': namespacePsaBaseline,
  'namespace-psa-restricted': namespacePsaRestricted,
  'namespace-policy-mechanism': namespacePolicyMechanism,
  'apiserver-pod-security-admission': apiserverPodSecurityAdmission,
  'etcd-unique-ca': etcdUniqueCa,
  'kube-proxy-metrics-bind-address': kubeProxyMetricsBindAddress,
  'workload-rbac-token': workloadRbacToken,
  'workload-cluster-takeover-roles': workloadClusterTakeoverRoles,
  'workload-admin-roles': workloadAdminRoles,
  'workload-mounted-data': workloadMountedData,
  'psp-permissive': pspPermissive,
  'agent-sandbox-hardening': agentSandboxHardening,
  'external-facing-workload': externalFacingWorkload,
  'exposed-sensitive-interface': exposedSensitiveInterface,
  'ssh-service-port': sshServicePort,
  'security-context-applied': securityContextApplied,
  'load-balancer-tls': loadBalancerTls,
  'storage-class-encryption': storageClassEncryption,
  'cve-2021-25742-ingress-nginx': cve202125742IngressNginx,
  'cve-2022-3172-aggregated-api': cve20223172AggregatedApi,
  'node-cve-2021-25741': nodeCve202125741,
  'node-cve-2022-23648-containerd': nodeCve202223648Containerd,
  'node-kubernetes-version': nodeKubernetesVersion,
  'node-container-optimized-os': nodeContainerOptimizedOs,
  'manual-image-vulnerabilities': manualImageVulnerabilities,
  'manual-image-signatures': manualImageSignatures,
  'manual-service-authentication': manualServiceAuthentication,
  'manual-cronjob-review': manualCronjobReview,
  'manual-admission-webhooks': manualAdmissionWebhooks,
} satisfies Record<string, Control>;
