import control from '../../src/controls/resource-limits.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const C = ['spec', 'containers', 0];

controlTester.run(control, {
  valid: [
    {
      name: 'both limits',
      object: podWith({ resources: { limits: { cpu: '500m', memory: '256Mi' } } }),
    },
    {
      name: 'numeric cpu limit',
      object: podWith({ resources: { limits: { cpu: 1, memory: '1Gi' } } }),
    },
    {
      name: 'ephemeral containers cannot set resources and are not judged',
      object: workloadOf('Pod', {
        containers: [
          { name: 'a', image: 'a:1', resources: { limits: { cpu: '1', memory: '1Gi' } } },
        ],
        ephemeralContainers: [{ name: 'debug', image: 'busybox:1' }],
      }),
    },
    { name: 'no containers', object: workloadOf('Pod', { containers: [] }) },
  ],
  invalid: [
    {
      name: 'no resources: both reported at the container',
      object: podWith({}),
      violations: [
        { messageId: 'missing-cpu-limit', path: C },
        { messageId: 'missing-memory-limit', path: C },
      ],
    },
    {
      name: 'requests only: reported at resources',
      object: podWith({ resources: { requests: { cpu: '1' } } }),
      violations: [
        { messageId: 'missing-cpu-limit', path: [...C, 'resources'] },
        { messageId: 'missing-memory-limit', path: [...C, 'resources'] },
      ],
    },
    {
      name: 'memory limit missing: reported at limits',
      object: podWith({ resources: { limits: { cpu: '1', memory: '' } } }),
      violations: [{ messageId: 'missing-memory-limit', path: [...C, 'resources', 'limits'] }],
    },
    {
      name: 'limits is a string',
      object: podWith({ resources: { limits: 'lots' } }),
      violations: [
        { messageId: 'missing-cpu-limit', path: [...C, 'resources', 'limits'] },
        { messageId: 'missing-memory-limit', path: [...C, 'resources', 'limits'] },
      ],
    },
    {
      name: 'resources is a string',
      object: podWith({ resources: 'none' }),
      violations: [
        { messageId: 'missing-cpu-limit', path: [...C, 'resources'] },
        { messageId: 'missing-memory-limit', path: [...C, 'resources'] },
      ],
    },
    {
      name: 'init container of a Job',
      object: workloadOf('Job', {
        containers: [
          { name: 'a', image: 'a:1', resources: { limits: { cpu: '1', memory: '1Gi' } } },
        ],
        initContainers: [{ name: 'i', image: 'i:1', resources: { limits: { memory: '64Mi' } } }],
      }),
      violations: [
        {
          messageId: 'missing-cpu-limit',
          path: ['spec', 'template', 'spec', 'initContainers', 0, 'resources', 'limits'],
          data: { container: 'init container "i"' },
        },
      ],
    },
  ],
});
