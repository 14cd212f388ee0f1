import control from '../../src/controls/default-namespace.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

function object(kind: string, name: string, namespace?: unknown): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind,
    metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
  };
}

controlTester.run(control, {
  valid: [
    { name: 'own namespace', object: workloadOf('Deployment', { containers: [] }, 'app', 'team') },
    { name: 'no namespace set', object: object('ConfigMap', 'c') },
    { name: 'namespace not a string', object: object('ConfigMap', 'c', 7) },
    { name: 'the built-in kubernetes Service', object: object('Service', 'kubernetes', 'default') },
    { name: 'the default ServiceAccount', object: object('ServiceAccount', 'default', 'default') },
    { name: 'the root CA ConfigMap', object: object('ConfigMap', 'kube-root-ca.crt', 'default') },
    {
      name: 'cluster-scoped kind with a stray namespace',
      object: object('ClusterRole', 'r', 'default'),
    },
    { name: 'namespace named Default', object: object('Secret', 's', 'Default') },
  ],
  invalid: [
    {
      name: 'Deployment in default',
      object: workloadOf('Deployment', { containers: [] }, 'web', 'default'),
      violations: [
        {
          messageId: 'default-namespace',
          path: ['metadata', 'namespace'],
          evidence: 'default',
          data: { kind: 'Deployment', name: 'web' },
        },
      ],
    },
    {
      name: 'a Service other than kubernetes',
      object: object('Service', 'web', 'default'),
      violations: [{ messageId: 'default-namespace', path: ['metadata', 'namespace'] }],
    },
    {
      name: 'a custom resource',
      object: {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'w', namespace: 'default' },
      },
      violations: [{ messageId: 'default-namespace', path: ['metadata', 'namespace'] }],
    },
  ],
});
