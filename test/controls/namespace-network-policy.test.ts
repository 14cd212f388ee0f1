import control from '../../src/controls/namespace-network-policy.js';
import { controlTester } from './control-tester.js';
import { networkPolicy } from './network-fixtures.js';

const ns = (name: string): Record<string, unknown> => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name },
});

controlTester.run(control, {
  valid: [
    {
      name: 'NetworkPolicy in the namespace',
      object: ns('team'),
      extra: [networkPolicy({ podSelector: {} })],
    },
    {
      name: 'CiliumNetworkPolicy in the namespace',
      object: ns('team'),
      extra: [networkPolicy({ endpointSelector: {} }, 'c', 'team', 'CiliumNetworkPolicy')],
    },
  ],
  invalid: [
    {
      name: 'no policies',
      object: ns('team'),
      violations: [
        { messageId: 'no-network-policy', path: ['metadata'], data: { namespace: 'team' } },
      ],
    },
    {
      name: 'policy only in another namespace',
      object: ns('team'),
      extra: [networkPolicy({ podSelector: {} }, 'np', 'other')],
      violations: [{ messageId: 'no-network-policy', path: ['metadata'] }],
    },
    {
      name: 'metadata not an object',
      object: { apiVersion: 'v1', kind: 'Namespace', metadata: 'team' },
      violations: [{ messageId: 'no-network-policy', path: [], data: { namespace: 'unnamed' } }],
    },
  ],
});
