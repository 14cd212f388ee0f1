import control from '../../src/controls/pss-run-as-non-root.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const C = ['spec', 'containers', 0];

controlTester.run(control, {
  valid: [
    { name: 'set on the pod', object: podWith({}, { securityContext: { runAsNonRoot: true } }) },
    { name: 'set on the container', object: podWith({ securityContext: { runAsNonRoot: true } }) },
    {
      name: 'pods in their own user namespace are exempt from v1.35',
      object: podWith({}, { hostUsers: false }),
    },
  ],
  invalid: [
    {
      name: 'nowhere: reported at the container, where the field belongs',
      object: podWith({}),
      violations: [
        {
          messageId: 'not-required',
          path: C,
          data: {
            where: 'container "app"',
            field: 'runAsNonRoot',
            value: 'unset',
            version: 'v1.37 (latest)',
          },
        },
      ],
    },
    {
      name: 'false on the pod fails the pod and every container relying on it',
      object: workloadOf('StatefulSet', {
        securityContext: { runAsNonRoot: false },
        containers: [
          { name: 'a', image: 'a:1', securityContext: { runAsNonRoot: true } },
          { name: 'b', image: 'a:1', securityContext: {} },
        ],
      }),
      violations: [
        {
          messageId: 'set-false',
          path: ['spec', 'template', 'spec', 'securityContext', 'runAsNonRoot'],
          evidence: 'false',
        },
        {
          messageId: 'not-required',
          path: ['spec', 'template', 'spec', 'containers', 1, 'securityContext'],
        },
      ],
    },
    {
      name: 'a container overriding the pod with false',
      object: podWith(
        { securityContext: { runAsNonRoot: false } },
        { securityContext: { runAsNonRoot: true } },
      ),
      violations: [
        {
          messageId: 'set-false',
          path: [...C, 'securityContext', 'runAsNonRoot'],
          evidence: 'false',
        },
      ],
    },
    {
      name: 'the string "true" does not count',
      object: podWith({ securityContext: { runAsNonRoot: 'true' } }),
      violations: [
        {
          messageId: 'not-required',
          path: [...C, 'securityContext', 'runAsNonRoot'],
          evidence: 'true',
        },
      ],
    },
    {
      name: 'a securityContext that is a string is the evidence',
      object: podWith({ securityContext: 'nonroot' }),
      violations: [
        { messageId: 'not-required', path: [...C, 'securityContext'], evidence: 'nonroot' },
      ],
    },
    {
      name: 'user namespaces are not exempt before v1.35',
      object: podWith({}, { hostUsers: false }),
      settings: { pssVersion: 'v1.34' },
      violations: [{ messageId: 'not-required', path: C }],
    },
  ],
  skipped: [{ name: 'spec null', object: { apiVersion: 'v1', kind: 'Pod', spec: null } }],
});
