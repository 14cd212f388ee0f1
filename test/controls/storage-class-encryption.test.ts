import control from '../../src/controls/storage-class-encryption.js';
import { controlTester } from './control-tester.js';

const sc = (parameters?: unknown, provisioner = 'ebs.csi.aws.com') => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'gp3' },
  provisioner,
  ...(parameters === undefined ? {} : { parameters }),
});

controlTester.run(control, {
  valid: [
    { name: 'encrypted', object: sc({ type: 'gp3', encrypted: 'true' }) },
    {
      name: 'in-tree plugin, encrypted',
      object: sc({ encrypted: 'true' }, 'kubernetes.io/aws-ebs'),
    },
  ],
  invalid: [
    {
      name: 'no parameters',
      object: sc(),
      violations: [{ messageId: 'not-encrypted', path: [], data: { value: 'nothing' } }],
    },
    {
      name: 'encrypted false',
      object: sc({ type: 'gp3', encrypted: 'false' }),
      violations: [
        {
          messageId: 'not-encrypted',
          path: ['parameters', 'encrypted'],
          data: { value: '"false"' },
        },
      ],
    },
    {
      name: 'parameters without encrypted',
      object: sc({ type: 'gp3' }),
      violations: [{ messageId: 'not-encrypted', path: ['parameters'] }],
    },
  ],
});
