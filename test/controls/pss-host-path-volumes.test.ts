import control from '../../src/controls/pss-host-path-volumes.js';
import { deploymentWith, podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

controlTester.run(control, {
  valid: [
    { name: 'emptyDir', object: podWith({}, { volumes: [{ name: 'tmp', emptyDir: {} }] }) },
    { name: 'volumes null', object: podWith({}, { volumes: null }) },
    { name: 'volume entries of the wrong type', object: podWith({}, { volumes: [null, 'x'] }) },
    {
      name: 'hostPath that is not an object reads as unset',
      object: podWith({}, { volumes: [{ name: 'h', hostPath: '/var' }] }),
    },
  ],
  invalid: [
    {
      name: 'hostPath volume in a Deployment',
      object: deploymentWith(
        {},
        {
          volumes: [
            { name: 'tmp', emptyDir: {} },
            { name: 'root', hostPath: { path: '/' } },
          ],
        },
      ),
      violations: [
        {
          messageId: 'host-path',
          path: ['spec', 'template', 'spec', 'volumes', 1, 'hostPath'],
          evidence: '{"path":"/"}',
          data: {
            where: 'volume "root"',
            field: 'hostPath',
            value: '{"path":"/"}',
            version: 'v1.37 (latest)',
          },
        },
      ],
    },
    {
      name: 'unnamed hostPath volume',
      object: podWith({}, { volumes: [{ hostPath: { path: '/etc' } }] }),
      violations: [
        {
          messageId: 'host-path',
          path: ['spec', 'volumes', 0, 'hostPath'],
          data: {
            where: 'volume volumes[0]',
            field: 'hostPath',
            value: '{"path":"/etc"}',
            version: 'v1.37 (latest)',
          },
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'spec a string',
      object: { apiVersion: 'v1', kind: 'Pod', spec: 'x' },
      reason: /no pod spec/,
    },
  ],
});
