import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-host-path-volumes',
  checkId: 'hostPathVolumes',
  title: 'Pod Security Standards (baseline): hostPath volumes',
  description:
    "Baseline forbids hostPath volumes: mounting a directory of the node exposes the node's files (credentials, the container runtime socket, kubelet state) to the pod. At restricted level pss-restricted-volumes reports the volumes it does not also report here.",
  severity: 'high',
  examples: {
    failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
      volumeMounts:
        - name: scratch
          mountPath: /scratch
  volumes:
    - name: scratch
      hostPath:
        path: /mnt/scratch
`,
    passing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
      volumeMounts:
        - name: scratch
          mountPath: /scratch
  volumes:
    - name: scratch
      emptyDir: {}
`,
  },
  aliases: { kubescape: ['C-0048'], trivy: ['KSV023'] },
  messages: {
    'host-path': 'The {where} mounts a directory of the node (hostPath).',
  },
  remediation:
    'Replace the hostPath volume with an emptyDir, a ConfigMap or Secret, or a PersistentVolumeClaim. Node agents that truly need node files belong in a namespace labelled for the privileged level.',
  classify: () => ({ messageId: 'host-path' }),
});
