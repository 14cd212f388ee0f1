import type { Control } from '../../src/controls/define.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';
import {
  clusterRole,
  clusterRoleBinding,
  role,
  roleBinding,
  serviceAccount,
} from './rbac-cases.js';

type Obj = Record<string, unknown>;

/** A Deployment in namespace `team` running as `account`, with extra pod spec fields. */
export function deploymentAs(
  account: string | undefined,
  spec: Obj = {},
  kind = 'Deployment',
): Obj {
  return workloadOf(kind, {
    ...(account === undefined ? {} : { serviceAccountName: account }),
    containers: [{ name: 'app', image: 'registry.example/app:1.0' }],
    ...spec,
  });
}

/** A ClusterRole `granted` with `rules`, bound cluster-wide to ServiceAccount team/`account`. */
export function boundCluster(account: string, rules: unknown): Obj[] {
  return [
    clusterRole('granted', rules),
    clusterRoleBinding('bind-granted', 'granted', [serviceAccount('team', account)]),
  ];
}

/** A Role `granted` in `team` with `rules`, bound in `team` to ServiceAccount team/`account`. */
export function boundInNamespace(account: string, rules: unknown): Obj[] {
  return [
    role('team', 'granted', rules),
    roleBinding('team', 'bind-granted', { kind: 'Role', name: 'granted' }, [
      serviceAccount('team', account),
    ]),
  ];
}

export interface WorkloadRbacCases {
  /** A rule the control flags, and the grant text it reports for it. */
  readonly risky: Obj;
  readonly grant: string;
  /** A rule the control lets through. */
  readonly safe: Obj;
}

const SA_PATH = ['spec', 'template', 'spec', 'serviceAccountName'];

/** Shared table for the workload -> ServiceAccount -> RBAC controls. */
export function runWorkloadRbacTests(control: Control, cases: WorkloadRbacCases): void {
  const evidence = `ServiceAccount team/web -> ClusterRoleBinding bind-granted -> ClusterRole granted -> rules[0]: ${cases.grant}`;
  controlTester.run(control, {
    valid: [
      { name: 'no bindings at all', object: deploymentAs('web') },
      {
        name: 'only a safe rule',
        object: deploymentAs('web'),
        extra: boundCluster('web', [cases.safe]),
      },
      {
        name: 'risky rule but the pod does not mount the token',
        object: deploymentAs('web', { automountServiceAccountToken: false }),
        extra: boundCluster('web', [cases.risky]),
      },
      {
        name: 'risky rule but the ServiceAccount opts out of automounting',
        object: deploymentAs('web'),
        extra: [
          ...boundCluster('web', [cases.risky]),
          {
            apiVersion: 'v1',
            kind: 'ServiceAccount',
            metadata: { name: 'web', namespace: 'team' },
            automountServiceAccountToken: false,
          },
        ],
      },
      {
        name: 'risky rule bound to another ServiceAccount',
        object: deploymentAs('web'),
        extra: boundCluster('other', [cases.risky]),
      },
      {
        name: 'hostile: rules not a list',
        object: deploymentAs('web'),
        extra: boundCluster('web', 'x'),
      },
    ],
    invalid: [
      {
        name: 'risky rule through a ClusterRoleBinding',
        object: deploymentAs('web'),
        extra: boundCluster('web', [cases.risky]),
        violations: [
          {
            messageId: 'token-grants',
            path: SA_PATH,
            evidence,
            data: {
              serviceAccount: 'web',
              grant: cases.grant,
              binding: 'ClusterRoleBinding bind-granted',
              count: 1,
            },
          },
        ],
      },
      {
        name: 'risky rule through a RoleBinding, pod explicitly mounting the token',
        object: deploymentAs('web', { automountServiceAccountToken: true }),
        extra: boundInNamespace('web', [cases.safe, cases.risky]),
        violations: [{ messageId: 'token-grants', path: SA_PATH }],
      },
      {
        name: 'default ServiceAccount of a bare Pod',
        object: deploymentAs(undefined, {}, 'Pod'),
        extra: boundCluster('default', [cases.risky]),
        violations: [{ messageId: 'token-grants', path: ['spec'] }],
      },
    ],
    skipped: [
      {
        name: 'hostile: Deployment without a template',
        object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: {} },
      },
    ],
  });
}
