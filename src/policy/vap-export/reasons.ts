import type { Control } from '../../controls/define.js';
import { isExportable } from './build.js';

/** Workload controls that read more than the one object an admission policy sees. */
const CROSS_RESOURCE: Readonly<Record<string, string>> = {
  'automount-service-account-token':
    "falls back to the ServiceAccount's automountServiceAccountToken, another object",
  'non-existent-service-account': 'looks up the ServiceAccount among the other resources',
  'network-policy-isolation': 'looks for NetworkPolicies selecting the pod',
  'mismatching-selector': 'compares with the pods of other objects',
};

/**
 * Why a built-in control has no ValidatingAdmissionPolicy translation, or undefined when it has
 * one. Shown by `cubecape vap export` and listed in docs/vap-export.md.
 */
export function notExportableReason(control: Control): string | undefined {
  if (isExportable(control.id)) return undefined;
  const cross = CROSS_RESOURCE[control.id];
  if (cross !== undefined) return `reads other resources: it ${cross}`;
  switch (control.requires) {
    case 'host':
      return 'judges node files and settings, which are not API objects';
    case 'cloud':
      return 'judges cloud provider settings, which are not API objects';
    case 'manual':
      return 'a manual check with no machine-readable evidence';
    case 'cluster':
      return 'needs a live cluster';
    default:
      break;
  }
  if (control.id.startsWith('pss-')) {
    return 'the API server enforces the Pod Security Standards itself: label the namespace pod-security.kubernetes.io/enforce=baseline or restricted (Pod Security Admission)';
  }
  if (control.id.startsWith('dangling-') || control.id === 'namespace-network-policy') {
    return 'reads other resources: it looks for the objects this one refers to or needs';
  }
  if (control.match.kinds.includes('RoleBinding')) {
    return 'reads other resources: it resolves bindings through the RBAC graph of the scan';
  }
  if (control.match.kinds.includes('KubeletConfiguration')) {
    return 'KubeletConfiguration is a node file, not an API object';
  }
  if (control.match.where !== undefined) {
    return 'judges control-plane static pods, which do not go through admission';
  }
  return 'not yet written in CEL';
}
