import control from '../../src/controls/pss-seccomp-profile-restricted.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const C = ['spec', 'containers', 0];
const runtimeDefault = { seccompProfile: { type: 'RuntimeDefault' } };

controlTester.run(control, {
  valid: [
    { name: 'RuntimeDefault on the pod', object: podWith({}, { securityContext: runtimeDefault }) },
    {
      name: 'Localhost on the container',
      object: podWith({
        securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'x' } },
      }),
    },
    {
      name: 'Windows pods are exempt from v1.25',
      object: podWith({}, { os: { name: 'windows' } }),
    },
    {
      name: 'an explicit Unconfined container is left to pss-seccomp-profile-baseline',
      object: podWith(
        { securityContext: { seccompProfile: { type: 'Unconfined' } } },
        { securityContext: runtimeDefault },
      ),
    },
  ],
  invalid: [
    {
      name: 'no profile anywhere: reported at the container',
      object: podWith({}),
      violations: [
        {
          messageId: 'missing',
          path: C,
          data: {
            where: 'container "app"',
            field: 'type',
            value: 'unset',
            version: 'v1.37 (latest)',
          },
        },
      ],
    },
    {
      name: "Unconfined pod: the pod field is baseline's, the containers relying on it are reported here",
      object: workloadOf('Deployment', {
        securityContext: { seccompProfile: { type: 'Unconfined' } },
        containers: [
          { name: 'a', image: 'a:1', securityContext: { allowPrivilegeEscalation: false } },
          { name: 'b', image: 'a:1', securityContext: runtimeDefault },
        ],
      }),
      violations: [
        {
          messageId: 'missing',
          path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext'],
        },
      ],
    },
    {
      name: 'a profile given as a string is the evidence',
      object: podWith({ securityContext: { seccompProfile: 'runtime/default' } }),
      violations: [
        {
          messageId: 'missing',
          path: [...C, 'securityContext', 'seccompProfile'],
          evidence: 'runtime/default',
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'not part of the standard before v1.19',
      object: podWith({}),
      settings: { pssVersion: 'v1.18' },
      reason: /^not part of the Pod Security Standards at v1\.18$/,
    },
    {
      name: 'spec null',
      object: { apiVersion: 'v1', kind: 'Pod', spec: null },
      reason: /no pod spec/,
    },
  ],
});
