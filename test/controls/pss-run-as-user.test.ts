import control from '../../src/controls/pss-run-as-user.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

controlTester.run(control, {
  valid: [
    { name: 'non-zero uid', object: podWith({ securityContext: { runAsUser: 1000 } }) },
    { name: 'unset', object: podWith({}) },
    {
      name: 'the string "0" reads as unset',
      object: podWith({ securityContext: { runAsUser: '0' } }),
    },
    {
      name: 'uid 0 in a user namespace from v1.35',
      object: podWith({}, { hostUsers: false, securityContext: { runAsUser: 0 } }),
    },
  ],
  invalid: [
    {
      name: 'uid 0 on the pod and on the container',
      object: podWith({ securityContext: { runAsUser: 0 } }, { securityContext: { runAsUser: 0 } }),
      violations: [
        {
          messageId: 'root-uid',
          path: ['spec', 'securityContext', 'runAsUser'],
          evidence: '0',
          data: { where: 'pod', field: 'runAsUser', value: '0', version: 'v1.37 (latest)' },
        },
        { messageId: 'root-uid', path: ['spec', 'containers', 0, 'securityContext', 'runAsUser'] },
      ],
    },
    {
      name: 'uid 0 in a user namespace before v1.35',
      object: podWith({}, { hostUsers: false, securityContext: { runAsUser: 0 } }),
      settings: { pssVersion: 'v1.23' },
      violations: [{ messageId: 'root-uid', path: ['spec', 'securityContext', 'runAsUser'] }],
    },
  ],
  skipped: [
    {
      name: 'not part of the standard before v1.23',
      object: podWith({ securityContext: { runAsUser: 0 } }),
      settings: { pssVersion: 'v1.22' },
      reason: /^not part of the Pod Security Standards at v1\.22$/,
    },
    {
      name: 'spec null',
      object: { apiVersion: 'v1', kind: 'Pod', spec: null },
      reason: /no pod spec/,
    },
  ],
});
