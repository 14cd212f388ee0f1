import control from '../../src/controls/resource-requests.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const C = ['spec', 'containers', 0];

controlTester.run(control, {
  valid: [
    {
      name: 'both requests',
      object: podWith({ resources: { requests: { cpu: '100m', memory: '128Mi' } } }),
    },
    {
      name: 'limits imply requests',
      object: podWith({ resources: { limits: { cpu: 1, memory: '1Gi' } } }),
    },
    {
      name: 'ephemeral containers are not judged',
      object: workloadOf('Pod', {
        containers: [],
        ephemeralContainers: [{ name: 'dbg', image: 'a:1' }],
      }),
    },
  ],
  invalid: [
    {
      name: 'no resources',
      object: podWith({}),
      violations: [
        { messageId: 'no-cpu-request', path: C, data: { container: 'container "app"' } },
        { messageId: 'no-memory-request', path: C },
      ],
    },
    {
      name: 'memory request missing',
      object: podWith({ resources: { requests: { cpu: '1' } } }),
      violations: [{ messageId: 'no-memory-request', path: [...C, 'resources', 'requests'] }],
    },
    {
      name: 'empty strings and null',
      object: podWith({ resources: { requests: { cpu: ' ', memory: null } } }),
      violations: [
        { messageId: 'no-cpu-request', path: [...C, 'resources', 'requests'] },
        { messageId: 'no-memory-request', path: [...C, 'resources', 'requests'] },
      ],
    },
    {
      name: 'init container',
      object: workloadOf('Pod', {
        containers: [],
        initContainers: [{ name: 'i', image: 'a:1', resources: { requests: { memory: '1Mi' } } }],
      }),
      violations: [
        {
          messageId: 'no-cpu-request',
          path: ['spec', 'initContainers', 0, 'resources', 'requests'],
          data: { container: 'init container "i"' },
        },
      ],
    },
  ],
});
