import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { describeVolume, hostPathOf, normalizeHostPath, volumesOf } from './pod-volumes.js';
import { judgePodSpec } from './workload-scope.js';

type MessageId = 'cloud-credentials';

/** Where nodes keep cloud credentials, by provider (AKS, EKS, GKE and the SDK defaults). */
const CREDENTIAL_LOCATIONS: readonly (readonly [path: string, provider: string])[] = [
  ['/etc/kubernetes/azure.json', 'Azure'],
  ['/.azure', 'Azure'],
  ['/root/.azure', 'Azure'],
  ['/var/lib/waagent', 'Azure'],
  ['/.aws', 'AWS'],
  ['/root/.aws', 'AWS'],
  ['/.config/gcloud', 'Google Cloud'],
  ['/root/.config/gcloud', 'Google Cloud'],
  ['/gcloud', 'Google Cloud'],
];

/**
 * The providers whose credentials a host path exposes: the path is a credential location, lies
 * inside one, or is a directory containing some (mounting `/etc/kubernetes` exposes azure.json).
 */
function exposedProviders(hostPath: string): string | undefined {
  const path = normalizeHostPath(hostPath);
  const inside = (child: string, parent: string): boolean =>
    child === parent || child.startsWith(parent === '/' ? '/' : `${parent}/`);
  const providers = new Set(
    CREDENTIAL_LOCATIONS.filter(
      ([location]) => inside(path, location) || inside(location, path),
    ).map(([, provider]) => provider),
  );
  return providers.size === 0 ? undefined : [...providers].join(', ');
}

export default defineControl({
  id: 'cloud-credentials-mount',
  title: 'Cloud credentials mounted from the node',
  description:
    "Flags hostPath volumes that reach the node's cloud credentials: the Azure service principal file (azure.json), AWS and Google Cloud SDK credential directories, or a directory that contains them. With these a container acts as the node's cloud identity, often far beyond the cluster.",
  severity: 'high',
  examples: {
    failing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: backup
  namespace: ops
spec:
  selector:
    matchLabels:
      app: backup
  template:
    metadata:
      labels:
        app: backup
    spec:
      containers:
        - name: backup
          image: registry.example/ops/backup:1.0.3
          volumeMounts:
            - name: aws
              mountPath: /root/.aws
              readOnly: true
      volumes:
        - name: aws
          hostPath:
            path: /root/.aws
`,
    passing: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: backup
  namespace: ops
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/ops-backup
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: backup
  namespace: ops
spec:
  selector:
    matchLabels:
      app: backup
  template:
    metadata:
      labels:
        app: backup
    spec:
      serviceAccountName: backup
      containers:
        - name: backup
          image: registry.example/ops/backup:1.0.3
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0020'] },
  messages: {
    'cloud-credentials':
      'Volume {volume} mounts {hostPath} from the node, which exposes {provider} credentials.',
  },
  remediation:
    'Remove the hostPath volume and give the workload its own narrowly scoped cloud identity through workload identity federation (Azure Workload Identity, EKS Pod Identity or IRSA, GKE Workload Identity).',
  check: (resource) =>
    judgePodSpec(resource, (pod) =>
      volumesOf(pod).flatMap((ref): Violation<MessageId>[] => {
        const hostPath = hostPathOf(ref);
        if (hostPath === undefined || hostPath.trim() === '') return [];
        const provider = exposedProviders(hostPath);
        if (provider === undefined) return [];
        return [
          {
            messageId: 'cloud-credentials',
            data: { volume: describeVolume(ref), hostPath, provider },
            path: ref.path.concat('hostPath', 'path'),
            evidence: hostPath,
          },
        ];
      }),
    ),
});
