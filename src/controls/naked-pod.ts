import { isRecord } from '../model/resource.js';
import { defineControl } from './define.js';

/** True when some owner reference marks a controller. */
function hasController(metadata: unknown): boolean {
  if (!isRecord(metadata)) return false;
  const owners = metadata['ownerReferences'];
  if (!Array.isArray(owners)) return false;
  return owners.some((owner: unknown) => isRecord(owner) && owner['controller'] === true);
}

export default defineControl({
  id: 'naked-pod',
  title: 'Pods without a controller',
  description:
    'Flags Pods that no controller owns. A bare Pod is not rescheduled when its node fails or is drained, is not replaced when it crashes out of its restart policy, and cannot be rolled out or scaled.',
  severity: 'low',
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
`,
    passing: `apiVersion: v1
kind: Pod
metadata:
  name: web-6c8f9d7b54-q2x7k
  namespace: shop
  ownerReferences:
    - apiVersion: apps/v1
      kind: ReplicaSet
      name: web-6c8f9d7b54
      uid: 0b6e3c1a-7d2f-4e8b-9a41-5c3d2e1f0a9b
      controller: true
spec:
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
`,
  },
  match: { kinds: ['Pod'] },
  aliases: { kubescape: ['C-0073'] },
  messages: {
    'naked-pod': 'Pod {name} is not managed by a controller (no owner reference marks one).',
  },
  remediation:
    'Create the pod through a Deployment, StatefulSet, DaemonSet or Job, so a controller recreates it when it disappears and rolls out changes.',
  check: (resource) => {
    const metadata = resource.object['metadata'];
    if (hasController(metadata)) return [];
    return [
      {
        messageId: 'naked-pod',
        data: { name: resource.name },
        path: isRecord(metadata) ? ['metadata'] : [],
      },
    ];
  },
});
