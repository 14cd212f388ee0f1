import type { JsonPath } from '../../core/json-path.js';
import { isRecord } from '../../model/resource.js';
import {
  evaluatePodSecurity,
  tryParsePssVersion,
  type PssCheckId,
  type PssCheckResult,
} from '../../pss/index.js';
import { wildcardMatch } from './wildcard.js';

/** Kyverno's `controlName` values (the PSS page's headings) to upstream check ids. */
const CONTROL_CHECKS: Readonly<Record<string, readonly PssCheckId[]>> = {
  HostProcess: ['windowsHostProcess'],
  'Host Namespaces': ['hostNamespaces'],
  'Privileged Containers': ['privileged'],
  Capabilities: ['capabilities_baseline', 'capabilities_restricted'],
  'HostPath Volumes': ['hostPathVolumes'],
  'Host Ports': ['hostPorts'],
  AppArmor: ['appArmorProfile'],
  SELinux: ['seLinuxOptions'],
  '/proc Mount Type': ['procMount', 'procMount_restricted'],
  Seccomp: ['seccompProfile_baseline', 'seccompProfile_restricted'],
  Sysctls: ['sysctls'],
  'Volume Types': ['restrictedVolumes'],
  'Privilege Escalation': ['allowPrivilegeEscalation'],
  'Running as Non-root': ['runAsNonRoot'],
  'Running as Non-root user': ['runAsUser'],
  'Host Probes / Lifecycle Hooks': ['hostProbesAndHostLifecycle'],
};

function imageAt(pod: Readonly<Record<string, unknown>>, path: JsonPath): string | undefined {
  const [spec, field, index] = path;
  if (spec !== 'spec' || typeof field !== 'string' || typeof index !== 'number') return undefined;
  const podSpec = pod.spec;
  const list = isRecord(podSpec) ? podSpec[field] : undefined;
  const container: unknown = Array.isArray(list) ? list[index] : undefined;
  return isRecord(container) && typeof container.image === 'string' ? container.image : undefined;
}

function excluded(
  failure: PssCheckResult,
  excludes: readonly Readonly<Record<string, unknown>>[],
  pod: Readonly<Record<string, unknown>>,
): boolean {
  return excludes.some((entry) => {
    const checks =
      typeof entry.controlName === 'string' ? CONTROL_CHECKS[entry.controlName] : undefined;
    if (checks === undefined || !checks.includes(failure.checkId)) return false;
    if (!Array.isArray(entry.images)) return true;
    const images = entry.images.filter((i): i is string => typeof i === 'string');
    return failure.paths.every((path) => {
      const image = imageAt(pod, path);
      return image !== undefined && images.some((pattern) => wildcardMatch(pattern, image));
    });
  });
}

/** Evaluates a `podSecurity` subrule: the failing checks left after `exclude`, if any. */
export function podSecurityFailures(
  spec: Readonly<Record<string, unknown>>,
  pod: Readonly<Record<string, unknown>>,
): PssCheckResult[] {
  const level = spec.level;
  if (level !== 'baseline' && level !== 'restricted') return [];
  const version =
    (typeof spec.version === 'string' ? tryParsePssVersion(spec.version) : undefined) ?? 'latest';
  const excludes = Array.isArray(spec.exclude) ? spec.exclude.filter(isRecord) : [];
  return evaluatePodSecurity(pod, level, version).filter((f) => !excluded(f, excludes, pod));
}
