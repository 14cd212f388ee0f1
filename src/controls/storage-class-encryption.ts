import { isRecord } from '../model/resource.js';
import { defineControl } from './define.js';

/** Provisioners whose disks are encrypted only when the StorageClass asks (`encrypted: "true"`). */
const OPT_IN_PROVISIONERS = new Set(['ebs.csi.aws.com', 'kubernetes.io/aws-ebs']);

export default defineControl({
  id: 'storage-class-encryption',
  title: 'StorageClass creates unencrypted volumes',
  description:
    'Flags StorageClasses of provisioners that encrypt volumes only on request (the AWS EBS CSI driver and the in-tree aws-ebs plugin) when their parameters do not set encrypted: "true". Every PersistentVolume they create then stores data unencrypted at rest. Other provisioners encrypt by default and are not judged.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: gp3
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
volumeBindingMode: WaitForFirstConsumer
`,
    passing: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: gp3
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
  encrypted: 'true'
volumeBindingMode: WaitForFirstConsumer
`,
  },
  match: {
    kinds: ['StorageClass'],
    where: (resource) => OPT_IN_PROVISIONERS.has(String(resource.object['provisioner'])),
  },
  aliases: { kubescape: ['C-0264'] },
  messages: {
    'not-encrypted': 'The StorageClass does not set parameters.encrypted: "true"; found {value}.',
  },
  remediation:
    'Set parameters.encrypted: "true" (and optionally kmsKeyId) on the StorageClass, or enable EBS encryption by default in the account; move existing volumes by snapshot and restore.',
  check: (resource) => {
    const parameters = resource.object['parameters'];
    const value = isRecord(parameters) ? parameters['encrypted'] : undefined;
    if (value === 'true' || value === true) return [];
    const present = value !== undefined;
    return [
      {
        messageId: 'not-encrypted',
        data: { value: present ? JSON.stringify(value) : 'nothing' },
        path: present ? ['parameters', 'encrypted'] : isRecord(parameters) ? ['parameters'] : [],
        fix: [{ op: 'set', path: ['parameters', 'encrypted'], value: 'true' }],
      },
    ];
  },
});
