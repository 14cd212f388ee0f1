import control from '../../src/controls/pss-proc-mount-restricted.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const unmasked = { securityContext: { procMount: 'Unmasked' } };

controlTester.run(control, {
  valid: [
    {
      name: 'Default in a user namespace',
      object: podWith({ securityContext: { procMount: 'Default' } }, { hostUsers: false }),
    },
    {
      name: 'Unmasked outside a user namespace is left to pss-proc-mount',
      object: podWith(unmasked),
    },
  ],
  invalid: [
    {
      name: 'Unmasked in a user namespace',
      object: podWith(unmasked, { hostUsers: false }),
      violations: [
        {
          messageId: 'unmasked',
          path: ['spec', 'containers', 0, 'securityContext', 'procMount'],
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
  ],
  skipped: [
    {
      name: 'not part of the standard before v1.35',
      object: podWith(unmasked, { hostUsers: false }),
      settings: { pssVersion: 'v1.34' },
      reason: /^not part of the Pod Security Standards at v1\.34$/,
    },
    {
      name: 'spec null',
      object: { apiVersion: 'v1', kind: 'Pod', spec: null },
      reason: /no pod spec/,
    },
  ],
});
