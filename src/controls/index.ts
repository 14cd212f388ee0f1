import addedCapabilities from './added-capabilities.js';
import allowPrivilegeEscalation from './allow-privilege-escalation.js';
import automountServiceAccountToken from './automount-service-account-token.js';
import type { Control } from './define.js';
import { clusterControls } from './registry-cluster.js';
import { postureControls } from './registry-posture.js';
import { pssControls } from './registry-pss.js';
import { rbacControls } from './registry-rbac.js';
import { workloadControls } from './registry-workload.js';
import envCredentials from './env-credentials.js';
import hostNamespaces from './host-namespaces.js';
import hostPathVolumes from './host-path-volumes.js';
import hostPorts from './host-ports.js';
import imageTagLatest from './image-tag-latest.js';
import privilegedContainer from './privileged-container.js';
import readOnlyRootFilesystem from './read-only-root-filesystem.js';
import resourceLimits from './resource-limits.js';
import runAsNonRoot from './run-as-non-root.js';

/** The first controls: workload security essentials. */
export const essentialControls = {
  'privileged-container': privilegedContainer,
  'allow-privilege-escalation': allowPrivilegeEscalation,
  'run-as-non-root': runAsNonRoot,
  'read-only-root-filesystem': readOnlyRootFilesystem,
  'host-namespaces': hostNamespaces,
  'host-path-volumes': hostPathVolumes,
  'host-ports': hostPorts,
  'added-capabilities': addedCapabilities,
  'image-tag-latest': imageTagLatest,
  'resource-limits': resourceLimits,
  'env-credentials': envCredentials,
  'automount-service-account-token': automountServiceAccountToken,
} satisfies Record<string, Control>;

/** Every built-in control by id; keys must equal each control's id (checked by the meta-test). */
export const controlsById = {
  ...essentialControls,
  ...workloadControls,
  ...pssControls,
  ...rbacControls,
  ...clusterControls,
  ...postureControls,
} satisfies Record<string, Control>;

/** Every built-in control, in registry order. */
export const builtinControls: readonly Control[] = Object.values(controlsById);
