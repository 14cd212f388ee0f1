import control from '../../src/controls/privileged-container.js';
import { deploymentWith, podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const C = ['spec', 'containers', 0];

controlTester.run(control, {
  valid: [
    { name: 'no securityContext', object: podWith({}) },
    { name: 'privileged false', object: podWith({ securityContext: { privileged: false } }) },
    {
      name: 'privileged as a string is not a boolean true',
      object: podWith({ securityContext: { privileged: 'true' } }),
    },
    { name: 'securityContext is a string', object: podWith({ securityContext: 'privileged' }) },
    { name: 'securityContext is null', object: podWith({ securityContext: null }) },
    { name: 'empty containers list', object: workloadOf('Pod', { containers: [] }) },
    {
      name: 'non-object container entries are ignored',
      object: workloadOf('Pod', { containers: [null, 'x', 3] }),
    },
  ],
  invalid: [
    {
      name: 'privileged pod container',
      object: podWith({ securityContext: { privileged: true } }),
      violations: [
        {
          messageId: 'privileged',
          path: [...C, 'securityContext', 'privileged'],
          evidence: 'true',
          data: { container: 'container "app"' },
        },
      ],
    },
    {
      name: 'privileged container in a Deployment template',
      object: deploymentWith({ securityContext: { privileged: true } }),
      violations: [
        {
          messageId: 'privileged',
          path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'],
        },
      ],
    },
    {
      name: 'privileged init and ephemeral containers of a CronJob',
      object: workloadOf('CronJob', {
        containers: [{ name: 'main', image: 'a:1' }],
        initContainers: [{ name: 'init', image: 'a:1', securityContext: { privileged: true } }],
        ephemeralContainers: [{ image: 'a:1', securityContext: { privileged: true } }],
      }),
      violations: [
        {
          messageId: 'privileged',
          path: [
            'spec',
            'jobTemplate',
            'spec',
            'template',
            'spec',
            'initContainers',
            0,
            'securityContext',
            'privileged',
          ],
          data: { container: 'init container "init"' },
        },
        {
          messageId: 'privileged',
          path: [
            'spec',
            'jobTemplate',
            'spec',
            'template',
            'spec',
            'ephemeralContainers',
            0,
            'securityContext',
            'privileged',
          ],
          data: { container: 'ephemeral container ephemeralContainers[0]' },
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'Pod without spec',
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } },
      reason: /pod spec/,
    },
    {
      name: 'Deployment with spec null',
      object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: null },
    },
    {
      name: 'Deployment with template a string',
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'd' },
        spec: { template: 'x' },
      },
    },
    {
      name: 'containers not a list',
      object: workloadOf('Pod', { containers: { name: 'app' } }),
      reason: /not a list/,
    },
    {
      name: 'initContainers not a list',
      object: workloadOf('Pod', { containers: [], initContainers: 'x' }),
      reason: /initContainers/,
    },
    { name: 'containers missing', object: workloadOf('Pod', {}), reason: /missing/ },
  ],
});
