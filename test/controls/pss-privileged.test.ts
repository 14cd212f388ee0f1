import control from '../../src/controls/pss-privileged.js';
import { deploymentWith, podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const SC = ['spec', 'containers', 0, 'securityContext'];

controlTester.run(control, {
  valid: [
    { name: 'privileged false', object: podWith({ securityContext: { privileged: false } }) },
    { name: 'no securityContext', object: deploymentWith({}) },
    { name: 'securityContext null', object: podWith({ securityContext: null }) },
    {
      name: 'a string "true" reads as unset',
      object: podWith({ securityContext: { privileged: 'true' } }),
    },
    { name: 'empty containers list', object: workloadOf('Pod', { containers: [] }) },
    {
      name: 'container entries that are not objects',
      object: workloadOf('Job', { containers: [null, 7] }),
    },
  ],
  invalid: [
    {
      name: 'privileged container in a Pod',
      object: podWith({ securityContext: { privileged: true } }),
      violations: [
        {
          messageId: 'privileged',
          path: [...SC, 'privileged'],
          evidence: 'true',
          data: {
            where: 'container "app"',
            field: 'privileged',
            value: 'true',
            version: 'v1.37 (latest)',
          },
        },
      ],
    },
    {
      name: 'privileged init container in a Deployment, reported at the template path',
      object: workloadOf('Deployment', {
        initContainers: [{ name: 'init', image: 'a:1', securityContext: { privileged: true } }],
        containers: [{ name: 'app', image: 'a:1' }],
      }),
      violations: [
        {
          messageId: 'privileged',
          path: ['spec', 'template', 'spec', 'initContainers', 0, 'securityContext', 'privileged'],
        },
      ],
    },
    {
      name: 'unnamed ephemeral container, at an old version',
      object: workloadOf('Pod', {
        containers: [{ name: 'app', image: 'a:1' }],
        ephemeralContainers: [{ image: 'debug:1', securityContext: { privileged: true } }],
      }),
      settings: { pssVersion: 'v1.0' },
      violations: [
        {
          messageId: 'privileged',
          path: ['spec', 'ephemeralContainers', 0, 'securityContext', 'privileged'],
          data: {
            where: 'ephemeral container ephemeralContainers[0]',
            field: 'privileged',
            value: 'true',
            version: 'v1.0',
          },
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'spec null',
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: null },
      reason: /no pod spec/,
    },
    {
      name: 'missing template',
      object: { apiVersion: 'apps/v1', kind: 'Deployment', spec: {} },
      reason: /no pod spec/,
    },
    {
      name: 'containers a string',
      object: workloadOf('StatefulSet', { containers: 'app' }),
      reason: /containers is not a list/,
    },
  ],
});
