import control from '../../src/controls/naked-pod.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

function owned(ownerReferences: unknown): Record<string, unknown> {
  return { ...podWith({}), metadata: { name: 'app', namespace: 'team', ownerReferences } };
}

controlTester.run(control, {
  valid: [
    {
      name: 'owned by a ReplicaSet',
      object: owned([{ kind: 'ReplicaSet', name: 'rs', controller: true }]),
    },
    {
      name: 'one of several owners is the controller',
      object: owned([
        { kind: 'ConfigMap', name: 'x' },
        { kind: 'Job', name: 'j', controller: true },
      ]),
    },
  ],
  invalid: [
    {
      name: 'no owner references',
      object: podWith({}),
      violations: [{ messageId: 'naked-pod', path: ['metadata'], data: { name: 'app' } }],
    },
    {
      name: 'owners without a controller',
      object: owned([{ kind: 'ReplicaSet', name: 'rs' }]),
      violations: [{ messageId: 'naked-pod', path: ['metadata'] }],
    },
    {
      name: 'controller as a string',
      object: owned([{ kind: 'ReplicaSet', controller: 'true' }]),
      violations: [{ messageId: 'naked-pod', path: ['metadata'] }],
    },
    {
      name: 'ownerReferences not a list',
      object: owned({ kind: 'ReplicaSet', controller: true }),
      violations: [{ messageId: 'naked-pod', path: ['metadata'] }],
    },
    {
      name: 'ownerReferences null',
      object: owned(null),
      violations: [{ messageId: 'naked-pod', path: ['metadata'] }],
    },
    {
      name: 'metadata missing',
      object: { apiVersion: 'v1', kind: 'Pod', spec: { containers: [] } },
      violations: [{ messageId: 'naked-pod', path: [] }],
    },
  ],
});
