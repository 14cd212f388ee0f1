import control from '../../src/controls/seccomp-profile.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const runtimeDefault = { seccompProfile: { type: 'RuntimeDefault' } };

controlTester.run(control, {
  valid: [
    { name: 'pod-level RuntimeDefault', object: podWith({}, { securityContext: runtimeDefault }) },
    {
      name: 'container Localhost',
      object: podWith({
        securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } },
      }),
    },
    {
      name: 'container overrides an Unconfined pod',
      object: podWith(
        { securityContext: runtimeDefault },
        { securityContext: { seccompProfile: { type: 'Unconfined' } } },
      ),
    },
  ],
  invalid: [
    {
      name: 'nothing set',
      object: podWith({}),
      violations: [
        {
          messageId: 'no-seccomp',
          path: ['spec', 'containers', 0],
          data: { container: 'container "app"' },
        },
      ],
    },
    {
      name: 'container Unconfined overrides the pod',
      object: podWith(
        { securityContext: { seccompProfile: { type: 'Unconfined' } } },
        { securityContext: runtimeDefault },
      ),
      violations: [
        {
          messageId: 'unconfined',
          path: ['spec', 'containers', 0, 'securityContext', 'seccompProfile', 'type'],
          evidence: 'Unconfined',
        },
      ],
    },
    {
      name: 'pod Unconfined in a Deployment',
      object: workloadOf('Deployment', {
        containers: [{ name: 'a', image: 'a:1' }],
        securityContext: { seccompProfile: { type: 'Unconfined' } },
      }),
      violations: [
        {
          messageId: 'unconfined',
          path: ['spec', 'template', 'spec', 'securityContext', 'seccompProfile', 'type'],
        },
      ],
    },
    {
      name: 'securityContext a string',
      object: podWith({ securityContext: 'RuntimeDefault' }, { securityContext: 'x' }),
      violations: [{ messageId: 'no-seccomp', path: ['spec', 'containers', 0] }],
    },
  ],
});
