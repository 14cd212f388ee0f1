import control from '../../src/controls/network-policy-isolation.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';
import { networkPolicy } from './network-fixtures.js';

const containers = [{ name: 'app', image: 'a:1' }];
const deployment = workloadOf('Deployment', { containers });
const M = ['spec', 'template', 'metadata'];
const denyAll = networkPolicy({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });

controlTester.run(control, {
  valid: [
    { name: 'default deny for both directions', object: deployment, extra: [denyAll] },
    {
      name: 'one ingress and one egress policy by label',
      object: deployment,
      extra: [
        networkPolicy({ podSelector: { matchLabels: { app: 'app' } } }, 'in'),
        networkPolicy(
          { podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, egress: [] },
          'out',
        ),
      ],
    },
    {
      name: 'Cilium policy with k8s: prefixed labels',
      object: deployment,
      extra: [
        networkPolicy(
          { endpointSelector: { matchLabels: { 'k8s:app': 'app' } }, ingress: [{}], egress: [{}] },
          'c',
          'team',
          'CiliumNetworkPolicy',
        ),
      ],
    },
  ],
  invalid: [
    {
      name: 'no policies at all',
      object: deployment,
      violations: [{ messageId: 'not-isolated', path: M, data: { kind: 'Deployment' } }],
    },
    {
      name: 'policy in another namespace',
      object: deployment,
      extra: [
        networkPolicy({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] }, 'np', 'other'),
      ],
      violations: [{ messageId: 'not-isolated', path: M }],
    },
    {
      name: 'ingress only (policyTypes defaulted)',
      object: deployment,
      extra: [networkPolicy({ podSelector: {}, ingress: [] })],
      violations: [{ messageId: 'egress-not-isolated', path: M }],
    },
    {
      name: 'egress only',
      object: workloadOf('Pod', { containers }),
      extra: [networkPolicy({ podSelector: {}, policyTypes: ['Egress'] })],
      violations: [{ messageId: 'ingress-not-isolated', path: ['metadata'] }],
    },
    {
      name: 'selector for other pods, invalid selector and null selector do not count',
      object: deployment,
      extra: [
        networkPolicy({ podSelector: { matchLabels: { app: 'db' } } }, 'a'),
        networkPolicy({ podSelector: { matchLabels: 'x' } }, 'b'),
        networkPolicy({ podSelector: null }, 'c'),
        networkPolicy('spec', 'd'),
      ],
      violations: [{ messageId: 'not-isolated', path: M }],
    },
    {
      name: 'template without metadata points at the template',
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'x', namespace: 'team' },
        spec: { template: { spec: { containers } } },
      },
      violations: [{ messageId: 'not-isolated', path: ['spec', 'template'] }],
    },
  ],
  skipped: [
    {
      name: 'no template',
      object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: {} },
    },
  ],
});
