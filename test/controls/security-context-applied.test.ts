import control from '../../src/controls/security-context-applied.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

controlTester.run(control, {
  valid: [
    {
      name: 'container securityContext',
      object: podWith({ securityContext: { runAsNonRoot: true } }),
    },
    { name: 'pod securityContext', object: podWith({}, { securityContext: { runAsUser: 1000 } }) },
    { name: 'hostile: containers not a list', object: workloadOf('Pod', { containers: 'x' }) },
  ],
  invalid: [
    {
      name: 'none at all',
      object: podWith({}),
      violations: [
        {
          messageId: 'no-security-context',
          path: ['spec', 'containers', 0],
          data: { container: 'container "app"' },
        },
      ],
    },
    {
      name: 'empty objects count as unset',
      object: podWith({ securityContext: {} }, { securityContext: {} }),
      violations: [{ messageId: 'no-security-context', path: ['spec', 'containers', 0] }],
    },
    {
      name: 'init container without one',
      object: workloadOf('Deployment', {
        initContainers: [{ name: 'init', image: 'busybox:1.36' }],
        containers: [{ name: 'app', image: 'app:1', securityContext: { privileged: false } }],
      }),
      violations: [
        {
          messageId: 'no-security-context',
          path: ['spec', 'template', 'spec', 'initContainers', 0],
        },
      ],
    },
  ],
  skipped: [{ name: 'hostile: pod spec null', object: workloadOf('Pod', null) }],
});
