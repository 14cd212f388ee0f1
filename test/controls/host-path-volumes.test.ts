import control, { isSensitiveHostPath } from '../../src/controls/host-path-volumes.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const containers = [{ name: 'app', image: 'a:1' }];

controlTester.run(control, {
  valid: [
    { name: 'no volumes', object: workloadOf('Pod', { containers }) },
    { name: 'volumes not a list', object: workloadOf('Pod', { containers, volumes: 'x' }) },
    { name: 'empty volumes', object: workloadOf('Pod', { containers, volumes: [] }) },
    {
      name: 'emptyDir, configMap and junk entries',
      object: workloadOf('Pod', {
        containers,
        volumes: [
          { name: 'tmp', emptyDir: {} },
          { name: 'c', configMap: { name: 'c' } },
          null,
          'x',
          { name: 'h', hostPath: null },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'ordinary host path',
      object: workloadOf('Deployment', {
        containers,
        volumes: [
          { name: 'tmp', emptyDir: {} },
          { name: 'data', hostPath: { path: '/data/app', type: 'Directory' } },
        ],
      }),
      violations: [
        {
          messageId: 'host-path',
          path: ['spec', 'template', 'spec', 'volumes', 1, 'hostPath'],
          evidence: '/data/app',
          data: { volume: '"data"', hostPath: '/data/app' },
        },
      ],
    },
    {
      name: 'runtime socket and node root',
      object: workloadOf('Pod', {
        containers,
        volumes: [
          { name: 'sock', hostPath: { path: '/var/run/docker.sock' } },
          { hostPath: { path: '/' } },
        ],
      }),
      violations: [
        {
          messageId: 'sensitive-host-path',
          path: ['spec', 'volumes', 0, 'hostPath'],
          evidence: '/var/run/docker.sock',
        },
        {
          messageId: 'sensitive-host-path',
          path: ['spec', 'volumes', 1, 'hostPath'],
          data: { volume: 'volumes[1]', hostPath: '/' },
        },
      ],
    },
    {
      name: 'hostPath without a path',
      object: workloadOf('Pod', { containers, volumes: [{ name: 'odd', hostPath: {} }] }),
      violations: [
        {
          messageId: 'host-path',
          path: ['spec', 'volumes', 0, 'hostPath'],
          data: { volume: '"odd"', hostPath: '(no path)' },
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'no pod spec',
      object: { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' } },
    },
  ],
});

test('isSensitiveHostPath', () => {
  const cases: [string, boolean][] = [
    ['/', true],
    ['/etc', true],
    ['/etc/', true],
    ['/etc/ssl/certs', false],
    ['/proc/sys', true],
    ['/var/lib/kubelet/pods', true],
    ['/run/containerd/containerd.sock', true],
    ['/var/lib/kubeletx', false],
    ['/data', false],
  ];
  for (const [path, expected] of cases) assert.equal(isSensitiveHostPath(path), expected, path);
});
