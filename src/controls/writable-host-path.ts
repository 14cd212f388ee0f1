import { describeContainer } from '../model/containers.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { describeVolume, hostPathOf, mountsOf, volumesOf } from './pod-volumes.js';
import { evidenceOf, judgePodSpec } from './workload-scope.js';

type MessageId = 'writable-host-path';

export default defineControl({
  id: 'writable-host-path',
  title: 'Writable hostPath mount',
  description:
    "Flags containers that mount a hostPath volume without readOnly: true. A writable host mount lets a compromised container change the node's files: plant binaries, alter kubelet or runtime configuration, or fill the disk.",
  severity: 'high',
  examples: {
    failing: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-shipper
  namespace: logging
spec:
  selector:
    matchLabels:
      app: log-shipper
  template:
    metadata:
      labels:
        app: log-shipper
    spec:
      containers:
        - name: shipper
          image: registry.example/logging/shipper:2.0.1
          volumeMounts:
            - name: node-logs
              mountPath: /var/log
      volumes:
        - name: node-logs
          hostPath:
            path: /var/log
`,
    passing: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-shipper
  namespace: logging
spec:
  selector:
    matchLabels:
      app: log-shipper
  template:
    metadata:
      labels:
        app: log-shipper
    spec:
      containers:
        - name: shipper
          image: registry.example/logging/shipper:2.0.1
          volumeMounts:
            - name: node-logs
              mountPath: /var/log
              readOnly: true
      volumes:
        - name: node-logs
          hostPath:
            path: /var/log
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0045'],
    kubeLinter: ['writable-host-mount'],
  },
  messages: {
    'writable-host-path': 'The {container} mounts hostPath volume {volume} ({hostPath}) writable.',
  },
  remediation:
    'Set readOnly: true on every volumeMount of a hostPath volume; if the workload must write, give it an emptyDir or a PersistentVolume instead of the node filesystem.',
  check: (resource) =>
    judgePodSpec(resource, (pod) =>
      volumesOf(pod).flatMap((volume) => {
        const hostPath = hostPathOf(volume);
        if (hostPath === undefined || volume.name === undefined) return [];
        return mountsOf(pod, volume.name).flatMap(
          ({ container, mount, path }): Violation<MessageId>[] => {
            if (mount['readOnly'] === true) return [];
            const present = mount['readOnly'] !== undefined;
            return [
              {
                messageId: 'writable-host-path',
                data: {
                  container: describeContainer(container),
                  volume: describeVolume(volume),
                  hostPath,
                },
                path: present ? path.concat('readOnly') : path,
                ...(present ? { evidence: evidenceOf(mount['readOnly']) } : {}),
                fix: [{ op: 'set', path: path.concat('readOnly'), value: true }],
              },
            ];
          },
        );
      }),
    ),
});
