import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { describeVolume, volumesOf } from './pod-volumes.js';
import { judgePodSpec } from './workload-scope.js';
import { isRecord } from '../model/resource.js';

type Message = 'mounts-data';

/** Volume sources that hand a pod stored data, and the field naming what is mounted. */
const SOURCES = [
  { field: 'secret', what: 'Secret', name: 'secretName' },
  { field: 'persistentVolumeClaim', what: 'PersistentVolumeClaim', name: 'claimName' },
  { field: 'configMap', what: 'ConfigMap', name: 'name' },
] as const;

export default defineControl({
  id: 'workload-mounted-data',
  title: 'Workload mounts Secrets, ConfigMaps or PersistentVolumeClaims',
  description:
    'Lists, as attack-surface findings, the Secret, ConfigMap and PersistentVolumeClaim volumes a workload mounts: whoever compromises the pod reads them (and may write the claims). Meant for review together with exposure and privilege findings; expected mounts are recorded with exceptions.',
  severity: 'low',
  examples: {
    failing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example/shop/web:1.4.2
          volumeMounts:
            - name: tls
              mountPath: /etc/tls
              readOnly: true
      volumes:
        - name: tls
          secret:
            secretName: web-tls
`,
    passing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example/shop/web:1.4.2
          volumeMounts:
            - name: cache
              mountPath: /var/cache/web
      volumes:
        - name: cache
          emptyDir:
            sizeLimit: 256Mi
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0255', 'C-0257', 'C-0258'] },
  messages: {
    'mounts-data': 'Volume {volume} mounts {what} {name} into the pod.',
  },
  remediation:
    'Mount only the data the pod needs, read-only where possible, and keep pods that hold Secrets or persistent data away from public exposure and broad RBAC; record expected mounts as exceptions.',
  check: (resource) =>
    judgePodSpec(resource, (pod) =>
      volumesOf(pod).flatMap((ref): Violation<Message>[] =>
        SOURCES.flatMap(({ field, what, name }) => {
          const source = ref.volume[field];
          if (source === undefined || source === null) return [];
          const named = isRecord(source) ? source[name] : undefined;
          const text = typeof named === 'string' ? named : '(unnamed)';
          return [
            {
              messageId: 'mounts-data' as const,
              data: { volume: describeVolume(ref), what, name: text },
              path: ref.path.concat(field),
              evidence: `${what} ${text}`,
            },
          ];
        }),
      ),
    ),
});
