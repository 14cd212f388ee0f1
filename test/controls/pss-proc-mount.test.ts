import control from '../../src/controls/pss-proc-mount.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const PROC = ['spec', 'containers', 0, 'securityContext', 'procMount'];

controlTester.run(control, {
  valid: [
    { name: 'Default', object: podWith({ securityContext: { procMount: 'Default' } }) },
    { name: 'not a string reads as unset', object: podWith({ securityContext: { procMount: 1 } }) },
    {
      name: 'Unmasked in a user namespace from v1.35',
      object: podWith({ securityContext: { procMount: 'Unmasked' } }, { hostUsers: false }),
    },
  ],
  invalid: [
    {
      name: 'Unmasked',
      object: podWith({ securityContext: { procMount: 'Unmasked' } }),
      violations: [
        {
          messageId: 'unmasked',
          path: PROC,
          evidence: 'Unmasked',
          data: {
            where: 'container "app"',
            field: 'procMount',
            value: 'Unmasked',
            version: 'v1.37 (latest)',
          },
        },
      ],
    },
    {
      name: 'Unmasked in a user namespace before v1.35',
      object: workloadOf('Job', {
        hostUsers: false,
        containers: [{ name: 'b', image: 'a:1', securityContext: { procMount: 'Unmasked' } }],
      }),
      settings: { pssVersion: 'v1.34' },
      violations: [
        {
          messageId: 'unmasked',
          path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'procMount'],
        },
      ],
    },
  ],
  skipped: [{ name: 'spec null', object: { apiVersion: 'v1', kind: 'Pod', spec: null } }],
});
