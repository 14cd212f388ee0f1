import type { Control } from '../../src/controls/define.js';
import { controlTester, type ControlCase, type InvalidCase } from './control-tester.js';

type Obj = Record<string, unknown>;
const RBAC = 'rbac.authorization.k8s.io/v1';

export const user = (name: string): Obj => ({
  kind: 'User',
  apiGroup: 'rbac.authorization.k8s.io',
  name,
});
export const group = (name: string): Obj => ({
  kind: 'Group',
  apiGroup: 'rbac.authorization.k8s.io',
  name,
});
export const serviceAccount = (namespace: string, name: string): Obj => ({
  kind: 'ServiceAccount',
  name,
  namespace,
});

export function clusterRole(name: string, rules: unknown, labels?: Obj): Obj {
  return {
    apiVersion: RBAC,
    kind: 'ClusterRole',
    metadata: { name, ...(labels ? { labels } : {}) },
    rules,
  };
}

export function role(namespace: string, name: string, rules: unknown): Obj {
  return { apiVersion: RBAC, kind: 'Role', metadata: { name, namespace }, rules };
}

export function clusterRoleBinding(
  name: string,
  roleName: string,
  subjects: unknown,
  labels?: Obj,
): Obj {
  return {
    apiVersion: RBAC,
    kind: 'ClusterRoleBinding',
    metadata: { name, ...(labels ? { labels } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
    subjects,
  };
}

export function roleBinding(
  namespace: string,
  name: string,
  roleRef: { kind: string; name: string },
  subjects: unknown,
): Obj {
  return {
    apiVersion: RBAC,
    kind: 'RoleBinding',
    metadata: { name, namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
    subjects,
  };
}

export const BOOTSTRAP = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };

/** How a test names a subject in messages: `User alice`, `ServiceAccount ops/deployer`. */
function describe(subject: Obj, bindingNamespace?: string): string {
  const ns = typeof subject['namespace'] === 'string' ? subject['namespace'] : bindingNamespace;
  return subject['kind'] === 'ServiceAccount'
    ? `ServiceAccount ${String(ns)}/${String(subject['name'])}`
    : `${String(subject['kind'])} ${String(subject['name'])}`;
}

export interface RbacCases {
  /** A rule that carries the risk. */
  readonly risky: Obj;
  /** How the control describes what `risky` grants. */
  readonly grant: string;
  /** A rule that does not. */
  readonly safe: Obj;
  /** Two subjects the risk applies to (default: User alice, ServiceAccount ops/deployer). */
  readonly subjects?: readonly [Obj] | readonly [Obj, Obj];
  /** Namespace of the RoleBinding case (default `team`). */
  readonly namespace?: string;
  readonly valid?: readonly ControlCase[];
  readonly invalid?: readonly InvalidCase[];
}

/**
 * Standard cases for a binding control: a risky ClusterRole through a ClusterRoleBinding (one
 * finding per subject), through a RoleBinding (scope and evidence checked), a subject listed
 * twice; and what must pass: a safe role, a role missing from the scan, bootstrap defaults and
 * hostile shapes.
 */
export function runRbacControlTests(control: Control, cases: RbacCases): void {
  const [first, other] = cases.subjects ?? [user('alice'), serviceAccount('ops', 'deployer')];
  const second = other ?? first;
  const crbSubjects = other === undefined ? [first] : [first, other];
  const ns = cases.namespace ?? 'team';
  const riskyRole = clusterRole('risky', [cases.safe, cases.risky]);
  const valid: ControlCase[] = [
    {
      name: 'safe role',
      object: clusterRoleBinding('b', 'safe', [first]),
      extra: [clusterRole('safe', [cases.safe])],
    },
    { name: 'role not in the scan', object: clusterRoleBinding('b', 'absent', [first]) },
    {
      name: 'bootstrap default binding',
      object: clusterRoleBinding('system:b', 'risky', [first], BOOTSTRAP),
      extra: [riskyRole],
    },
    { name: 'subjects null', object: clusterRoleBinding('b', 'risky', null), extra: [riskyRole] },
    {
      name: 'subjects junk',
      object: clusterRoleBinding('b', 'risky', [null, 'x', { kind: 'User' }]),
      extra: [riskyRole],
    },
    {
      name: 'roleRef missing',
      object: { ...clusterRoleBinding('b', 'risky', [first]), roleRef: null },
      extra: [riskyRole],
    },
    {
      name: 'role rules not a list',
      object: clusterRoleBinding('b', 'risky', [first]),
      extra: [clusterRole('risky', 'all')],
    },
    {
      name: 'RoleBinding to a Role of another namespace',
      object: roleBinding(ns, 'b', { kind: 'Role', name: 'risky' }, [first]),
      extra: [role('elsewhere', 'risky', [cases.risky])],
    },
    ...(cases.valid ?? []),
  ];
  const chain = (subject: Obj, kind: string, binding: string) =>
    `${describe(subject, ns)} -> ${kind} ${binding} -> ClusterRole risky -> rules[1]: ${cases.grant}`;
  const invalid: InvalidCase[] = [
    {
      name: 'ClusterRoleBinding: one finding per subject',
      object: clusterRoleBinding('crb', 'risky', crbSubjects),
      extra: [riskyRole],
      violations: crbSubjects.map((subject, index) => ({
        messageId: 'risky-grant',
        path: ['subjects', index],
        evidence: chain(subject, 'ClusterRoleBinding', 'crb'),
      })),
    },
    {
      name: 'RoleBinding to a ClusterRole is scoped to its namespace',
      object: roleBinding(ns, 'rb', { kind: 'ClusterRole', name: 'risky' }, [second]),
      extra: [riskyRole],
      violations: [
        {
          messageId: 'risky-grant',
          path: ['subjects', 0],
          evidence: chain(second, 'RoleBinding', 'rb'),
          data: {
            subject: describe(second, ns),
            grant: cases.grant,
            scope: `in namespace ${ns}`,
            roleKind: 'ClusterRole',
            role: 'risky',
            rule: 'rules[1]',
          },
        },
      ],
    },
    {
      name: 'a subject listed twice is reported once',
      object: clusterRoleBinding('crb', 'risky', [first, first]),
      extra: [riskyRole],
      violations: [{ messageId: 'risky-grant', path: ['subjects', 0] }],
    },
    ...(cases.invalid ?? []),
  ];
  controlTester.run(control, { valid, invalid });
}
