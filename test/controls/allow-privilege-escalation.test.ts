import control from '../../src/controls/allow-privilege-escalation.js';
import { deploymentWith, podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const C = ['spec', 'containers', 0];
const SC = [...C, 'securityContext'];

controlTester.run(control, {
  valid: [
    { name: 'disabled', object: podWith({ securityContext: { allowPrivilegeEscalation: false } }) },
    {
      name: 'disabled with NET_BIND_SERVICE added',
      object: podWith({
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { add: ['NET_BIND_SERVICE'] },
        },
      }),
    },
    { name: 'empty containers list', object: workloadOf('Pod', { containers: [] }) },
  ],
  invalid: [
    {
      name: 'no securityContext: reported at the container',
      object: podWith({}),
      violations: [{ messageId: 'not-disabled', path: C }],
    },
    {
      name: 'securityContext without the field: reported at the securityContext',
      object: podWith({ securityContext: { runAsNonRoot: true } }),
      violations: [{ messageId: 'not-disabled', path: SC }],
    },
    {
      name: 'securityContext is a string',
      object: podWith({ securityContext: 'locked-down' }),
      violations: [{ messageId: 'not-disabled', path: SC }],
    },
    {
      name: 'explicitly true',
      object: deploymentWith({ securityContext: { allowPrivilegeEscalation: true } }),
      violations: [
        {
          messageId: 'allowed',
          path: [
            'spec',
            'template',
            'spec',
            'containers',
            0,
            'securityContext',
            'allowPrivilegeEscalation',
          ],
          evidence: 'true',
        },
      ],
    },
    {
      name: 'a string "false" is not false',
      object: podWith({ securityContext: { allowPrivilegeEscalation: 'false' } }),
      violations: [
        { messageId: 'not-disabled', path: [...SC, 'allowPrivilegeEscalation'], evidence: 'false' },
      ],
    },
    {
      name: 'false but privileged',
      object: podWith({ securityContext: { allowPrivilegeEscalation: false, privileged: true } }),
      violations: [
        { messageId: 'implied-by-privileged', path: [...SC, 'privileged'], evidence: 'true' },
      ],
    },
    {
      name: 'false but CAP_SYS_ADMIN added',
      object: podWith({
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { add: ['NET_RAW', 'CAP_SYS_ADMIN'] },
        },
      }),
      violations: [
        {
          messageId: 'implied-by-sys-admin',
          path: [...SC, 'capabilities', 'add', 1],
          evidence: 'CAP_SYS_ADMIN',
        },
      ],
    },
    {
      name: 'each container judged: init container missing the field',
      object: workloadOf('Job', {
        initContainers: [{ name: 'init', image: 'a:1' }],
        containers: [
          { name: 'app', image: 'a:1', securityContext: { allowPrivilegeEscalation: false } },
        ],
      }),
      violations: [
        {
          messageId: 'not-disabled',
          path: ['spec', 'template', 'spec', 'initContainers', 0],
          data: { container: 'init container "init"' },
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'spec null',
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: null },
    },
    { name: 'containers a string', object: workloadOf('StatefulSet', { containers: 'app' }) },
  ],
});
