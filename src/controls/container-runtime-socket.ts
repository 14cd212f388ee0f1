import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { describeVolume, hostPathOf, normalizeHostPath, volumesOf } from './pod-volumes.js';
import { judgePodSpec } from './workload-scope.js';

type MessageId = 'runtime-socket';

/** Runtime sockets and the directories that hold them, by runtime. */
const RUNTIME_PATHS: ReadonlyMap<string, string> = new Map([
  ['/var/run/docker.sock', 'Docker'],
  ['/run/docker.sock', 'Docker'],
  ['/var/run/docker', 'Docker'],
  ['/var/run/cri-dockerd.sock', 'cri-dockerd'],
  ['/run/cri-dockerd.sock', 'cri-dockerd'],
  ['/run/containerd/containerd.sock', 'containerd'],
  ['/var/run/containerd/containerd.sock', 'containerd'],
  ['/run/containerd', 'containerd'],
  ['/var/run/containerd', 'containerd'],
  ['/var/run/crio/crio.sock', 'CRI-O'],
  ['/run/crio/crio.sock', 'CRI-O'],
  ['/var/run/crio', 'CRI-O'],
  ['/run/crio', 'CRI-O'],
  ['/run/podman/podman.sock', 'Podman'],
  ['/var/run/podman/podman.sock', 'Podman'],
]);

export default defineControl({
  id: 'container-runtime-socket',
  title: 'Container runtime socket mounted',
  description:
    'Flags hostPath volumes that expose the Docker, containerd, CRI-O or Podman socket (or the directory holding it). Whoever can talk to the runtime can start a privileged container on the node, so this is root on the node.',
  severity: 'high',
  examples: {
    failing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ci-runner
  namespace: ci
spec:
  selector:
    matchLabels:
      app: ci-runner
  template:
    metadata:
      labels:
        app: ci-runner
    spec:
      containers:
        - name: runner
          image: registry.example/ci/runner:3.2.0
          volumeMounts:
            - name: docker
              mountPath: /var/run/docker.sock
      volumes:
        - name: docker
          hostPath:
            path: /var/run/docker.sock
            type: Socket
`,
    passing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ci-runner
  namespace: ci
spec:
  selector:
    matchLabels:
      app: ci-runner
  template:
    metadata:
      labels:
        app: ci-runner
    spec:
      containers:
        - name: runner
          image: registry.example/ci/runner:3.2.0
          env:
            - name: BUILDER
              value: buildkit-rootless
          volumeMounts:
            - name: workspace
              mountPath: /workspace
      volumes:
        - name: workspace
          emptyDir: {}
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0074'],
    checkov: ['CKV_K8S_27'],
    kubeLinter: ['docker-sock'],
  },
  messages: {
    'runtime-socket': 'Volume {volume} mounts the {runtime} runtime socket from {hostPath}.',
  },
  remediation:
    'Do not give workloads the runtime socket. Build images with rootless builders (BuildKit rootless, kaniko, buildah), read container metadata from the Kubernetes API, and confine node agents that truly need the runtime to a dedicated, locked-down namespace.',
  check: (resource) =>
    judgePodSpec(resource, (pod) =>
      volumesOf(pod).flatMap((ref): Violation<MessageId>[] => {
        const hostPath = hostPathOf(ref);
        if (hostPath === undefined) return [];
        const runtime = RUNTIME_PATHS.get(normalizeHostPath(hostPath));
        if (runtime === undefined) return [];
        return [
          {
            messageId: 'runtime-socket',
            data: { volume: describeVolume(ref), runtime, hostPath },
            path: ref.path.concat('hostPath', 'path'),
            evidence: hostPath,
          },
        ];
      }),
    ),
});
