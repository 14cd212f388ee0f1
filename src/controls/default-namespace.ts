import { isRecord, type Resource } from '../model/resource.js';
import { isClusterScoped } from '../model/cluster-scoped.js';
import { defineControl } from './define.js';

/** Objects Kubernetes itself keeps in `default`; users cannot move them. */
function isBuiltIn(resource: Resource): boolean {
  switch (resource.kind) {
    case 'Service':
    case 'Endpoints':
    case 'EndpointSlice':
      return resource.name === 'kubernetes';
    case 'ServiceAccount':
      return resource.name === 'default';
    case 'ConfigMap':
      return resource.name === 'kube-root-ca.crt';
    default:
      return false;
  }
}

export default defineControl({
  id: 'default-namespace',
  title: 'Resources in the default namespace',
  description:
    'Flags namespaced resources placed explicitly in the default namespace. Everything there shares one set of RBAC grants, quotas and network policies, and it is where anything deployed without a namespace lands, so it cannot serve as a boundary.',
  severity: 'low',
  examples: {
    failing: `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-settings
  namespace: default
data:
  LOG_LEVEL: info
`,
    passing: `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-settings
  namespace: shop
data:
  LOG_LEVEL: info
`,
  },
  match: { kinds: ['*'] },
  aliases: {
    kubescape: ['C-0061', 'C-0212'],
    checkov: ['CKV_K8S_21'],
    cis: ['5.6.4'],
  },
  messages: {
    'default-namespace': '{kind} {name} is placed in the default namespace.',
  },
  remediation:
    'Create a namespace per application or team and set metadata.namespace (or deploy with -n / a Kustomize namespace) so RBAC, quotas and network policies can be scoped to it.',
  check: (resource) => {
    if (isClusterScoped(resource.kind) || resource.namespace !== 'default' || isBuiltIn(resource))
      return [];
    const metadata = resource.object['metadata'];
    if (!isRecord(metadata)) return [];
    return [
      {
        messageId: 'default-namespace',
        data: { kind: resource.kind, name: resource.name },
        path: ['metadata', 'namespace'],
        evidence: 'default',
      },
    ];
  },
});
