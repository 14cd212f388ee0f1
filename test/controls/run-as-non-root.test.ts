import control from '../../src/controls/run-as-non-root.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const C = ['spec', 'containers', 0];
const SC = [...C, 'securityContext'];

controlTester.run(control, {
  valid: [
    {
      name: 'container runAsNonRoot true',
      object: podWith({ securityContext: { runAsNonRoot: true } }),
    },
    {
      name: 'pod runAsNonRoot true',
      object: podWith({}, { securityContext: { runAsNonRoot: true } }),
    },
    {
      name: 'container non-zero runAsUser',
      object: podWith({ securityContext: { runAsUser: 1000 } }),
    },
    {
      name: 'pod non-zero runAsUser',
      object: podWith({}, { securityContext: { runAsUser: 65534 } }),
    },
    {
      name: 'container UID overrides pod UID 0',
      object: podWith(
        { securityContext: { runAsUser: 1000 } },
        { securityContext: { runAsUser: 0 } },
      ),
    },
    {
      name: 'container runAsNonRoot true overrides pod false',
      object: podWith(
        { securityContext: { runAsNonRoot: true } },
        { securityContext: { runAsNonRoot: false } },
      ),
    },
    { name: 'no containers', object: workloadOf('DaemonSet', { containers: [] }) },
  ],
  invalid: [
    {
      name: 'nothing set: reported at the container',
      object: podWith({}),
      violations: [{ messageId: 'non-root-not-enforced', path: C }],
    },
    {
      name: 'UID 0 even with runAsNonRoot true',
      object: podWith({ securityContext: { runAsNonRoot: true, runAsUser: 0 } }),
      violations: [{ messageId: 'root-uid', path: [...SC, 'runAsUser'], evidence: '0' }],
    },
    {
      name: 'pod UID 0 inherited by the container',
      object: podWith(
        { securityContext: { runAsNonRoot: true } },
        { securityContext: { runAsUser: 0 } },
      ),
      violations: [{ messageId: 'root-uid', path: ['spec', 'securityContext', 'runAsUser'] }],
    },
    {
      name: 'container runAsNonRoot false overrides pod true',
      object: podWith(
        { securityContext: { runAsNonRoot: false } },
        { securityContext: { runAsNonRoot: true } },
      ),
      violations: [
        { messageId: 'non-root-disabled', path: [...SC, 'runAsNonRoot'], evidence: 'false' },
      ],
    },
    {
      name: 'pod runAsNonRoot false',
      object: podWith({}, { securityContext: { runAsNonRoot: false } }),
      violations: [
        { messageId: 'non-root-disabled', path: ['spec', 'securityContext', 'runAsNonRoot'] },
      ],
    },
    {
      name: 'string UID is ignored and securityContext a list',
      object: podWith(
        { securityContext: ['runAsUser', 1000] },
        { securityContext: { runAsUser: '1000' } },
      ),
      violations: [{ messageId: 'non-root-not-enforced', path: SC }],
    },
    {
      name: 'one violation per container in a ReplicationController',
      object: workloadOf('ReplicationController', {
        securityContext: { runAsUser: 1000 },
        containers: [
          { name: 'a', image: 'a:1' },
          { name: 'b', image: 'b:1', securityContext: { runAsUser: 0 } },
        ],
      }),
      violations: [
        {
          messageId: 'root-uid',
          path: ['spec', 'template', 'spec', 'containers', 1, 'securityContext', 'runAsUser'],
          data: { container: 'container "b"' },
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'PodTemplate with template a number',
      object: { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 't' }, template: 3 },
    },
  ],
});
