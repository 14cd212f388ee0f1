import type { Control } from './define.js';
import pssAllowPrivilegeEscalation from './pss-allow-privilege-escalation.js';
import pssAppArmorProfile from './pss-app-armor-profile.js';
import pssCapabilitiesBaseline from './pss-capabilities-baseline.js';
import pssCapabilitiesRestricted from './pss-capabilities-restricted.js';
import pssHostNamespaces from './pss-host-namespaces.js';
import pssHostPathVolumes from './pss-host-path-volumes.js';
import pssHostPorts from './pss-host-ports.js';
import pssHostProbesAndHostLifecycle from './pss-host-probes-and-host-lifecycle.js';
import pssPrivileged from './pss-privileged.js';
import pssProcMount from './pss-proc-mount.js';
import pssProcMountRestricted from './pss-proc-mount-restricted.js';
import pssRestrictedVolumes from './pss-restricted-volumes.js';
import pssRunAsNonRoot from './pss-run-as-non-root.js';
import pssRunAsUser from './pss-run-as-user.js';
import pssSeLinuxOptions from './pss-se-linux-options.js';
import pssSeccompProfileBaseline from './pss-seccomp-profile-baseline.js';
import pssSeccompProfileRestricted from './pss-seccomp-profile-restricted.js';
import pssSysctls from './pss-sysctls.js';
import pssWindowsHostProcess from './pss-windows-host-process.js';

/** Pod Security Standards baseline checks, one control each, in upstream's order. */
export const pssBaselineControls = {
  'pss-privileged': pssPrivileged,
  'pss-host-namespaces': pssHostNamespaces,
  'pss-host-ports': pssHostPorts,
  'pss-host-path-volumes': pssHostPathVolumes,
  'pss-windows-host-process': pssWindowsHostProcess,
  'pss-host-probes-and-host-lifecycle': pssHostProbesAndHostLifecycle,
  'pss-sysctls': pssSysctls,
  'pss-capabilities-baseline': pssCapabilitiesBaseline,
  'pss-app-armor-profile': pssAppArmorProfile,
  'pss-se-linux-options': pssSeLinuxOptions,
  'pss-proc-mount': pssProcMount,
  'pss-seccomp-profile-baseline': pssSeccompProfileBaseline,
} satisfies Record<string, Control>;

/** Pod Security Standards restricted checks, one control each, in upstream's order. */
export const pssRestrictedControls = {
  'pss-restricted-volumes': pssRestrictedVolumes,
  'pss-run-as-non-root': pssRunAsNonRoot,
  'pss-run-as-user': pssRunAsUser,
  'pss-allow-privilege-escalation': pssAllowPrivilegeEscalation,
  'pss-seccomp-profile-restricted': pssSeccompProfileRestricted,
  'pss-capabilities-restricted': pssCapabilitiesRestricted,
  'pss-proc-mount-restricted': pssProcMountRestricted,
} satisfies Record<string, Control>;

/** Pod Security Standards checks, one control each, judged at `--pss-version`. */
export const pssControls = {
  ...pssBaselineControls,
  ...pssRestrictedControls,
} satisfies Record<string, Control>;
