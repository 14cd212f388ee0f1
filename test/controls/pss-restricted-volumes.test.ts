import control from '../../src/controls/pss-restricted-volumes.js';
import { deploymentWith, podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const withVolumes = (volumes: unknown) => podWith({}, { volumes });

controlTester.run(control, {
  valid: [
    {
      name: 'every allowed type',
      object: withVolumes([
        { name: 'a', configMap: { name: 'c' } },
        { name: 'b', secret: { secretName: 's' } },
        { name: 'c', persistentVolumeClaim: { claimName: 'p' } },
        { name: 'd', projected: { sources: [] } },
        { name: 'e', image: { reference: 'r:1' } },
        { name: 'f', csi: { driver: 'd' } },
        { name: 'g', ephemeral: {} },
        { name: 'h', downwardAPI: {} },
        { name: 'i', emptyDir: {} },
      ]),
    },
    {
      name: 'a volume naming no source defaults to emptyDir',
      object: withVolumes([{ name: 'x' }]),
    },
    {
      name: 'hostPath is left to pss-host-path-volumes',
      object: withVolumes([{ name: 'h', hostPath: { path: '/' } }]),
    },
    { name: 'volumes not a list', object: withVolumes({ nfs: {} }) },
  ],
  invalid: [
    {
      name: 'nfs volume in a Deployment',
      object: deploymentWith({}, { volumes: [{ name: 'share', nfs: { server: 'n', path: '/' } }] }),
      violations: [
        {
          messageId: 'volume-type',
          path: ['spec', 'template', 'spec', 'volumes', 0, 'nfs'],
          data: {
            where: 'volume "share"',
            field: 'nfs',
            value: '{"server":"n","path":"/"}',
            version: 'v1.37 (latest)',
          },
        },
      ],
    },
    {
      name: 'unknown volume types fail; hostPath beside them is not repeated',
      object: withVolumes([{ name: 'x', hostPath: { path: '/' }, futureVolume: {} }]),
      violations: [{ messageId: 'volume-type', path: ['spec', 'volumes', 0, 'futureVolume'] }],
    },
  ],
  skipped: [{ name: 'spec null', object: { apiVersion: 'v1', kind: 'Pod', spec: null } }],
});
