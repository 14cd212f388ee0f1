import { defineControl, type Violation } from './define.js';
import { isBootstrapDefault } from './rbac/binding-grants.js';
import { isRecord } from '../model/resource.js';

type MessageId = 'wildcard';

const FIELDS = ['verbs', 'resources', 'apiGroups'] as const;

export default defineControl({
  id: 'rbac-wildcard-rules',
  title: 'Wildcards in Roles and ClusterRoles',
  description:
    "Reports `*` in the verbs, resources or apiGroups of a Role's or ClusterRole's rules. A wildcard grants everything that exists now and every resource or verb added later, custom resources included. Kubernetes' own default roles are left out.",
  severity: 'high',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: app-operator
  namespace: shop
rules:
  - apiGroups: ['apps']
    resources: ['*']
    verbs: ['*']
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: app-operator
  namespace: shop
rules:
  - apiGroups: ['apps']
    resources: ['deployments', 'statefulsets']
    verbs: ['get', 'list', 'watch', 'update', 'patch']
`,
  },
  match: { kinds: ['Role', 'ClusterRole'] },
  aliases: { kubescape: ['C-0187'], cis: ['5.1.3'] },
  messages: {
    wildcard: '{kind} {name} uses * in rules[{rule}].{field}.',
  },
  remediation:
    'List the verbs, resources and API groups the role needs explicitly; review wildcard rules of operators before installing them.',
  check: (resource): Violation<MessageId>[] => {
    const rules = resource.object['rules'];
    if (isBootstrapDefault(resource) || !Array.isArray(rules)) return [];
    return rules.flatMap((rule: unknown, index): Violation<MessageId>[] => {
      if (!isRecord(rule)) return [];
      return FIELDS.flatMap((field) => {
        const list = rule[field];
        if (!Array.isArray(list)) return [];
        const at = list.indexOf('*');
        if (at === -1) return [];
        return [
          {
            messageId: 'wildcard' as const,
            data: { kind: resource.kind, name: resource.name, rule: index, field },
            path: ['rules', index, field, at],
            evidence: `${field}: ${JSON.stringify(list)}`,
          },
        ];
      });
    });
  },
});
