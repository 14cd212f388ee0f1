import control from '../../src/controls/pss-allow-privilege-escalation.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const C = ['spec', 'containers', 0];
const windows = { os: { name: 'windows' } };

controlTester.run(control, {
  valid: [
    { name: 'false', object: podWith({ securityContext: { allowPrivilegeEscalation: false } }) },
    { name: 'Windows pods are exempt from v1.25', object: podWith({}, windows) },
  ],
  invalid: [
    {
      name: 'unset: reported at the container',
      object: podWith({}),
      violations: [
        {
          messageId: 'not-disabled',
          path: C,
          data: {
            where: 'container "app"',
            field: 'allowPrivilegeEscalation',
            value: 'unset',
            version: 'v1.37 (latest)',
          },
        },
      ],
    },
    {
      name: 'explicitly true on an init container of a Job',
      object: workloadOf('Job', {
        initContainers: [
          { name: 'i', image: 'a:1', securityContext: { allowPrivilegeEscalation: true } },
        ],
        containers: [
          { name: 'a', image: 'a:1', securityContext: { allowPrivilegeEscalation: false } },
        ],
      }),
      violations: [
        {
          messageId: 'allowed',
          path: [
            'spec',
            'template',
            'spec',
            'initContainers',
            0,
            'securityContext',
            'allowPrivilegeEscalation',
          ],
          evidence: 'true',
        },
      ],
    },
    {
      name: 'the string "false" does not count',
      object: podWith({ securityContext: { allowPrivilegeEscalation: 'false' } }),
      violations: [
        {
          messageId: 'not-disabled',
          path: [...C, 'securityContext', 'allowPrivilegeEscalation'],
          evidence: 'false',
        },
      ],
    },
    {
      name: 'Windows pods are not exempt before v1.25',
      object: podWith({}, windows),
      settings: { pssVersion: 'v1.24' },
      violations: [{ messageId: 'not-disabled', path: C }],
    },
  ],
  skipped: [
    {
      name: 'not part of the standard before v1.8',
      object: podWith({}),
      settings: { pssVersion: 'v1.7' },
      reason: /^not part of the Pod Security Standards at v1\.7$/,
    },
    {
      name: 'spec null',
      object: { apiVersion: 'v1', kind: 'Pod', spec: null },
      reason: /no pod spec/,
    },
  ],
});
