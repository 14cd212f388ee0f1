import control from '../../src/controls/writable-host-path.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const host = { name: 'host', hostPath: { path: '/var/log' } };

function pod(volumeMounts: unknown, volumes: unknown = [host]): Record<string, unknown> {
  return workloadOf('Pod', { containers: [{ name: 'app', image: 'a:1', volumeMounts }], volumes });
}

controlTester.run(control, {
  valid: [
    {
      name: 'read-only mount',
      object: pod([{ name: 'host', mountPath: '/logs', readOnly: true }]),
    },
    { name: 'hostPath volume not mounted', object: pod([]) },
    {
      name: 'writable emptyDir',
      object: pod([{ name: 'tmp', mountPath: '/tmp' }], [{ name: 'tmp', emptyDir: {} }]),
    },
    { name: 'volumeMounts not a list', object: pod({ name: 'host' }) },
    {
      name: 'unnamed hostPath volume',
      object: pod([{ mountPath: '/x' }], [{ hostPath: { path: '/x' } }]),
    },
  ],
  invalid: [
    {
      name: 'mount without readOnly',
      object: pod([{ name: 'host', mountPath: '/logs' }]),
      violations: [
        {
          messageId: 'writable-host-path',
          path: ['spec', 'containers', 0, 'volumeMounts', 0],
          data: { container: 'container "app"', volume: '"host"', hostPath: '/var/log' },
        },
      ],
    },
    {
      name: 'readOnly false, and a string "true" does not count',
      object: pod([
        { name: 'host', mountPath: '/a', readOnly: false },
        { name: 'host', mountPath: '/b', readOnly: 'true' },
      ]),
      violations: [
        {
          messageId: 'writable-host-path',
          path: ['spec', 'containers', 0, 'volumeMounts', 0, 'readOnly'],
          evidence: 'false',
        },
        {
          messageId: 'writable-host-path',
          path: ['spec', 'containers', 0, 'volumeMounts', 1, 'readOnly'],
          evidence: 'true',
        },
      ],
    },
    {
      name: 'init container of a CronJob',
      object: workloadOf('CronJob', {
        containers: [
          {
            name: 'main',
            image: 'a:1',
            volumeMounts: [{ name: 'host', mountPath: '/l', readOnly: true }],
          },
        ],
        initContainers: [
          { name: 'init', image: 'a:1', volumeMounts: [{ name: 'host', mountPath: '/l' }] },
        ],
        volumes: [host],
      }),
      violations: [
        {
          messageId: 'writable-host-path',
          path: [
            'spec',
            'jobTemplate',
            'spec',
            'template',
            'spec',
            'initContainers',
            0,
            'volumeMounts',
            0,
          ],
          data: { container: 'init container "init"', volume: '"host"', hostPath: '/var/log' },
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'spec null',
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: null },
    },
  ],
});
