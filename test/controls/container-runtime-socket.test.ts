import control from '../../src/controls/container-runtime-socket.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

function withVolumes(volumes: unknown, kind = 'Pod'): Record<string, unknown> {
  return workloadOf(kind, { containers: [{ name: 'app', image: 'a:1' }], volumes });
}

controlTester.run(control, {
  valid: [
    { name: 'no volumes', object: withVolumes(undefined) },
    { name: 'emptyDir', object: withVolumes([{ name: 'tmp', emptyDir: {} }]) },
    {
      name: 'other host path',
      object: withVolumes([{ name: 'logs', hostPath: { path: '/var/log/app' } }]),
    },
    {
      name: 'socket-like name elsewhere',
      object: withVolumes([{ name: 's', hostPath: { path: '/opt/docker.sock.bak' } }]),
    },
    { name: 'hostPath without a path', object: withVolumes([{ name: 's', hostPath: {} }]) },
    {
      name: 'volumes not a list',
      object: withVolumes({ name: 's', hostPath: { path: '/var/run/docker.sock' } }),
    },
    { name: 'non-object volume entries', object: withVolumes([null, 'docker.sock']) },
  ],
  invalid: [
    {
      name: 'Docker socket',
      object: withVolumes([
        { name: 'docker', hostPath: { path: '/var/run/docker.sock', type: 'Socket' } },
      ]),
      violations: [
        {
          messageId: 'runtime-socket',
          path: ['spec', 'volumes', 0, 'hostPath', 'path'],
          evidence: '/var/run/docker.sock',
          data: { volume: '"docker"', runtime: 'Docker', hostPath: '/var/run/docker.sock' },
        },
      ],
    },
    {
      name: 'containerd directory with a trailing slash in a DaemonSet',
      object: withVolumes(
        [{ name: 'tmp', emptyDir: {} }, { hostPath: { path: '/run/containerd/' } }],
        'DaemonSet',
      ),
      violations: [
        {
          messageId: 'runtime-socket',
          path: ['spec', 'template', 'spec', 'volumes', 1, 'hostPath', 'path'],
          data: { volume: 'volumes[1]', runtime: 'containerd', hostPath: '/run/containerd/' },
        },
      ],
    },
    {
      name: 'CRI-O socket',
      object: withVolumes([{ name: 'crio', hostPath: { path: '/var/run/crio/crio.sock' } }]),
      violations: [
        {
          messageId: 'runtime-socket',
          path: ['spec', 'volumes', 0, 'hostPath', 'path'],
          data: { volume: '"crio"', runtime: 'CRI-O', hostPath: '/var/run/crio/crio.sock' },
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'template missing',
      object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: {} },
    },
  ],
});
