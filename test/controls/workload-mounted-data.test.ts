import control from '../../src/controls/workload-mounted-data.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const withVolumes = (volumes: unknown, kind = 'Deployment') =>
  workloadOf(kind, { containers: [{ name: 'app', image: 'registry.example/app:1.0' }], volumes });
const SPEC = ['spec', 'template', 'spec', 'volumes'];

controlTester.run(control, {
  valid: [
    { name: 'no volumes', object: withVolumes(undefined) },
    { name: 'emptyDir only', object: withVolumes([{ name: 'tmp', emptyDir: {} }]) },
    { name: 'hostile: volumes not a list', object: withVolumes('x') },
    { name: 'hostile: entries not objects', object: withVolumes([null, 3]) },
  ],
  invalid: [
    {
      name: 'Secret, ConfigMap and PVC',
      object: withVolumes([
        { name: 'creds', secret: { secretName: 'db' } },
        { name: 'cfg', configMap: { name: 'settings' } },
        { name: 'data', persistentVolumeClaim: { claimName: 'pg' } },
      ]),
      violations: [
        {
          messageId: 'mounts-data',
          path: [...SPEC, 0, 'secret'],
          evidence: 'Secret db',
          data: { volume: '"creds"', what: 'Secret', name: 'db' },
        },
        {
          messageId: 'mounts-data',
          path: [...SPEC, 1, 'configMap'],
          evidence: 'ConfigMap settings',
        },
        {
          messageId: 'mounts-data',
          path: [...SPEC, 2, 'persistentVolumeClaim'],
          evidence: 'PersistentVolumeClaim pg',
        },
      ],
    },
    {
      name: 'hostile: secret source not an object',
      object: withVolumes([{ name: 'x', secret: 'db' }], 'Pod'),
      violations: [
        {
          messageId: 'mounts-data',
          path: ['spec', 'volumes', 0, 'secret'],
          evidence: 'Secret (unnamed)',
        },
      ],
    },
  ],
});
