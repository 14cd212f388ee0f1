import type { Control } from './define.js';
import rbacAdminEquivalent from './rbac-admin-equivalent.js';
import rbacAnonymousAccess from './rbac-anonymous-access.js';
import rbacAuthenticatedGroup from './rbac-authenticated-group.js';
import rbacClusterAdminBinding from './rbac-cluster-admin-binding.js';
import rbacCorednsConfigmap from './rbac-coredns-configmap.js';
import rbacCreatePersistentVolumes from './rbac-create-persistent-volumes.js';
import rbacCreatePods from './rbac-create-pods.js';
import rbacCsrApproval from './rbac-csr-approval.js';
import rbacDashboardAccess from './rbac-dashboard-access.js';
import rbacDefaultServiceAccount from './rbac-default-service-account.js';
import rbacDeleteEvents from './rbac-delete-events.js';
import rbacDeleteWorkloads from './rbac-delete-workloads.js';
import rbacEscalateBindImpersonate from './rbac-escalate-bind-impersonate.js';
import rbacNodeProxy from './rbac-node-proxy.js';
import rbacPodExec from './rbac-pod-exec.js';
import rbacPortForward from './rbac-port-forward.js';
import rbacSecretsAccess from './rbac-secrets-access.js';
import rbacServiceAccountToken from './rbac-service-account-token.js';
import rbacWebhookConfiguration from './rbac-webhook-configuration.js';
import rbacWildcardRules from './rbac-wildcard-rules.js';

/** RBAC controls: risky permissions judged per subject through the RBAC graph. */
export const rbacControls = {
  'rbac-admin-equivalent': rbacAdminEquivalent,
  'rbac-anonymous-access': rbacAnonymousAccess,
  'rbac-authenticated-group': rbacAuthenticatedGroup,
  'rbac-cluster-admin-binding': rbacClusterAdminBinding,
  'rbac-coredns-configmap': rbacCorednsConfigmap,
  'rbac-create-persistent-volumes': rbacCreatePersistentVolumes,
  'rbac-create-pods': rbacCreatePods,
  'rbac-csr-approval': rbacCsrApproval,
  'rbac-dashboard-access': rbacDashboardAccess,
  'rbac-default-service-account': rbacDefaultServiceAccount,
  'rbac-delete-events': rbacDeleteEvents,
  'rbac-delete-workloads': rbacDeleteWorkloads,
  'rbac-escalate-bind-impersonate': rbacEscalateBindImpersonate,
  'rbac-node-proxy': rbacNodeProxy,
  'rbac-pod-exec': rbacPodExec,
  'rbac-port-forward': rbacPortForward,
  'rbac-secrets-access': rbacSecretsAccess,
  'rbac-service-account-token': rbacServiceAccountToken,
  'rbac-webhook-configuration': rbacWebhookConfiguration,
  'rbac-wildcard-rules': rbacWildcardRules,
} satisfies Record<string, Control>;
