import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-restricted-volumes',
  checkId: 'restrictedVolumes',
  title: 'Pod Security Standards (restricted): volume types',
  description:
    'Restricted allows only volume types that carry no node or network storage of their own: configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret. It replaces the baseline hostPath rule; hostPath volumes stay with pss-host-path-volumes and are not reported twice.',
  severity: 'medium',
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
        - name: uploads
          mountPath: /srv/uploads
  volumes:
    - name: uploads
      nfs:
        server: nfs.internal.example
        path: /exports/uploads
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
        - name: uploads
          mountPath: /srv/uploads
  volumes:
    - name: uploads
      persistentVolumeClaim:
        claimName: uploads
`,
  },
  aliases: { trivy: ['KSV028'] },
  messages: {
    'volume-type': 'The {where} uses a volume type the restricted level does not allow ({field}).',
  },
  remediation:
    'Use a PersistentVolumeClaim for network or cloud storage (the storage details then live in a PersistentVolume managed by administrators), or one of the allowed ephemeral types.',
  classify: () => ({ messageId: 'volume-type' }),
});
