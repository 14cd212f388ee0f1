import allowedRegistries from './allowed-registries.js';
import cloudCredentialsMount from './cloud-credentials-mount.js';
import commonLabels from './common-labels.js';
import containerRuntimeSocket from './container-runtime-socket.js';
import cve202224348Argocd from './cve-2022-24348-argocd.js';
import cve202239328Grafana from './cve-2022-39328-grafana.js';
import cve202247633Kyverno from './cve-2022-47633-kyverno.js';
import danglingGatewayBackend from './dangling-gateway-backend.js';
import danglingHpa from './dangling-hpa.js';
import danglingIngressBackend from './dangling-ingress-backend.js';
import danglingNetworkPolicy from './dangling-network-policy.js';
import danglingService from './dangling-service.js';
import defaultNamespace from './default-namespace.js';
import deprecatedApiVersion from './deprecated-api-version.js';
import deprecatedImageRegistry from './deprecated-image-registry.js';
import deprecatedServiceAccountField from './deprecated-service-account-field.js';
import duplicateEnvVar from './duplicate-env-var.js';
import forbiddenRegistries from './forbidden-registries.js';
import imageDigest from './image-digest.js';
import ingressNginxEndOfLife from './ingress-nginx-end-of-life.js';
import ingressTls from './ingress-tls.js';
import invalidTargetPort from './invalid-target-port.js';
import latestImagePullPolicy from './latest-image-pull-policy.js';
import linuxHardening from './linux-hardening.js';
import livenessProbe from './liveness-probe.js';
import mismatchingSelector from './mismatching-selector.js';
import nakedPod from './naked-pod.js';
import namespaceNetworkPolicy from './namespace-network-policy.js';
import networkPolicyIsolation from './network-policy-isolation.js';
import nonExistentServiceAccount from './non-existent-service-account.js';
import podDisruptionBudget from './pod-disruption-budget.js';
import probePort from './probe-port.js';
import readinessProbe from './readiness-probe.js';
import recommendedLabels from './recommended-labels.js';
import resourceRequests from './resource-requests.js';
import rollingUpdateStrategy from './rolling-update-strategy.js';
import seccompProfile from './seccomp-profile.js';
import secretsInEnv from './secrets-in-env.js';
import sudoInEntrypoint from './sudo-in-entrypoint.js';
import writableHostPath from './writable-host-path.js';
import type { Control } from './define.js';

/** Workload and manifest hygiene controls beyond the essentials (probes, images, networking, reliability). */
export const workloadControls = {
  'readiness-probe': readinessProbe,
  'liveness-probe': livenessProbe,
  'probe-port': probePort,
  'naked-pod': nakedPod,
  'default-namespace': defaultNamespace,
  'sudo-in-entrypoint': sudoInEntrypoint,
  'container-runtime-socket': containerRuntimeSocket,
  'writable-host-path': writableHostPath,
  'cloud-credentials-mount': cloudCredentialsMount,
  'latest-image-pull-policy': latestImagePullPolicy,
  'network-policy-isolation': networkPolicyIsolation,
  'namespace-network-policy': namespaceNetworkPolicy,
  'dangling-network-policy': danglingNetworkPolicy,
  'dangling-service': danglingService,
  'dangling-ingress-backend': danglingIngressBackend,
  'dangling-hpa': danglingHpa,
  'dangling-gateway-backend': danglingGatewayBackend,
  'non-existent-service-account': nonExistentServiceAccount,
  'invalid-target-port': invalidTargetPort,
  'mismatching-selector': mismatchingSelector,
  'recommended-labels': recommendedLabels,
  'common-labels': commonLabels,
  'allowed-registries': allowedRegistries,
  'forbidden-registries': forbiddenRegistries,
  'deprecated-image-registry': deprecatedImageRegistry,
  'image-digest': imageDigest,
  'cve-2022-24348-argocd': cve202224348Argocd,
  'cve-2022-39328-grafana': cve202239328Grafana,
  'cve-2022-47633-kyverno': cve202247633Kyverno,
  'ingress-nginx-end-of-life': ingressNginxEndOfLife,
  'duplicate-env-var': duplicateEnvVar,
  'deprecated-service-account-field': deprecatedServiceAccountField,
  'rolling-update-strategy': rollingUpdateStrategy,
  'secrets-in-env': secretsInEnv,
  'ingress-tls': ingressTls,
  'seccomp-profile': seccompProfile,
  'linux-hardening': linuxHardening,
  'resource-requests': resourceRequests,
  'pod-disruption-budget': podDisruptionBudget,
  'deprecated-api-version': deprecatedApiVersion,
} satisfies Record<string, Control>;
