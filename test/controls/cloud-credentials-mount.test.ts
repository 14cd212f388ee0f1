import control from '../../src/controls/cloud-credentials-mount.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

function withHostPath(path: unknown, kind = 'Pod'): Record<string, unknown> {
  return workloadOf(kind, {
    containers: [{ name: 'app', image: 'a:1' }],
    volumes: [{ name: 'v', hostPath: { path } }],
  });
}
const P = ['spec', 'volumes', 0, 'hostPath', 'path'];

controlTester.run(control, {
  valid: [
    { name: 'unrelated host path', object: withHostPath('/var/log') },
    { name: 'look-alike directory', object: withHostPath('/root/.awsx') },
    {
      name: 'kubernetes manifests dir without azure.json under it',
      object: withHostPath('/etc/kubernetes/manifests'),
    },
    { name: 'empty path', object: withHostPath('') },
    { name: 'path not a string', object: withHostPath(['/root/.aws']) },
  ],
  invalid: [
    {
      name: 'Azure service principal file',
      object: withHostPath('/etc/kubernetes/azure.json'),
      violations: [
        {
          messageId: 'cloud-credentials',
          path: P,
          evidence: '/etc/kubernetes/azure.json',
          data: { volume: '"v"', hostPath: '/etc/kubernetes/azure.json', provider: 'Azure' },
        },
      ],
    },
    {
      name: 'directory containing azure.json',
      object: withHostPath('/etc/kubernetes/', 'Deployment'),
      violations: [
        {
          messageId: 'cloud-credentials',
          path: ['spec', 'template', 'spec', 'volumes', 0, 'hostPath', 'path'],
          data: { volume: '"v"', hostPath: '/etc/kubernetes/', provider: 'Azure' },
        },
      ],
    },
    {
      name: 'file inside the AWS credentials directory',
      object: withHostPath('/root/.aws/credentials'),
      violations: [
        {
          messageId: 'cloud-credentials',
          path: P,
          data: { volume: '"v"', hostPath: '/root/.aws/credentials', provider: 'AWS' },
        },
      ],
    },
    {
      name: 'the node root exposes every provider',
      object: withHostPath('/'),
      violations: [
        {
          messageId: 'cloud-credentials',
          path: P,
          data: { volume: '"v"', hostPath: '/', provider: 'Azure, AWS, Google Cloud' },
        },
      ],
    },
  ],
});
