import control from '../../src/controls/liveness-probe.js';
import { deploymentWith, podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const probe = { httpGet: { path: '/healthz', port: 8080 } };

controlTester.run(control, {
  valid: [
    { name: 'probe set', object: podWith({ livenessProbe: probe }) },
    {
      name: 'exec probe in a Deployment',
      object: deploymentWith({ livenessProbe: { exec: { command: ['true'] } } }),
    },
    {
      name: 'init containers need no probe',
      object: workloadOf('Pod', {
        containers: [{ name: 'app', image: 'a:1', livenessProbe: probe }],
        initContainers: [{ name: 'init', image: 'a:1' }],
      }),
    },
    { name: 'no containers', object: workloadOf('StatefulSet', { containers: [] }) },
    { name: 'non-object entries ignored', object: workloadOf('Pod', { containers: [null, 7] }) },
  ],
  invalid: [
    {
      name: 'missing probe',
      object: podWith({}),
      violations: [
        {
          messageId: 'no-liveness-probe',
          path: ['spec', 'containers', 0],
          data: { container: 'container "app"' },
        },
      ],
    },
    {
      name: 'null probe in a DaemonSet',
      object: workloadOf('DaemonSet', {
        containers: [{ name: 'a', image: 'a:1', livenessProbe: null }],
      }),
      violations: [
        { messageId: 'no-liveness-probe', path: ['spec', 'template', 'spec', 'containers', 0] },
      ],
    },
    {
      name: 'probe is a string',
      object: podWith({ livenessProbe: 'curl /healthz' }),
      violations: [
        {
          messageId: 'invalid-liveness-probe',
          path: ['spec', 'containers', 0, 'livenessProbe'],
          evidence: 'curl /healthz',
        },
      ],
    },
    {
      name: 'only the second container lacks one',
      object: workloadOf('Pod', {
        containers: [{ name: 'a', image: 'a:1', livenessProbe: probe }, { image: 'b:1' }],
      }),
      violations: [
        {
          messageId: 'no-liveness-probe',
          path: ['spec', 'containers', 1],
          data: { container: 'container containers[1]' },
        },
      ],
    },
  ],
  skipped: [
    { name: 'spec missing', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } } },
    {
      name: 'containers not a list',
      object: workloadOf('Pod', { containers: 'app' }),
      reason: /not a list/,
    },
  ],
});
