import { controlsSettingsOf } from '../config/controls-settings.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { evidenceOf, judgePodSpec } from './workload-scope.js';

type MessageId = 'host-path' | 'sensitive-host-path';

/** Host paths whose exposure hands over the node: its root, config, kubelet and runtime state. */
const SENSITIVE_EXACT: ReadonlySet<string> = new Set([
  '/',
  '/etc',
  '/dev',
  '/boot',
  '/home',
  '/var',
  '/var/run',
  '/run',
  '/var/log',
]);
const SENSITIVE_PREFIXES: readonly string[] = [
  '/proc',
  '/sys',
  '/root',
  '/etc/kubernetes',
  '/var/lib/kubelet',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/etcd',
];

/** True for the node root, kernel interfaces, credentials and container runtime sockets. */
export function isSensitiveHostPath(path: string): boolean {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (SENSITIVE_EXACT.has(normalized)) return true;
  if (normalized.endsWith('.sock')) return true;
  return SENSITIVE_PREFIXES.some(
    (prefix) => normalized === prefix || normalized.startsWith(`${prefix}/`),
  );
}

/**
 * True when `path` equals an allowed path or lies under it. Paths with `.` or `..` segments are
 * never allowed: `/var/log/../../etc` must not pass as `/var/log`.
 */
export function isAllowedHostPath(path: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0 || !path.startsWith('/')) return false;
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return false;
  const normalized = path.replace(/\/{2,}/g, '/').replace(/(?<=.)\/+$/, '');
  return allowed.some((entry) => {
    const prefix = entry.replace(/\/{2,}/g, '/').replace(/(?<=.)\/+$/, '');
    return normalized === prefix || normalized.startsWith(prefix === '/' ? '/' : `${prefix}/`);
  });
}

/** Shown by `cubecape explain` and the docs; the meta-test runs them through the control. */
const examples = {
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
        - name: docker
          mountPath: /var/run/docker.sock
  volumes:
    - name: docker
      hostPath:
        path: /var/run/docker.sock
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
        - name: cache
          mountPath: /cache
  volumes:
    - name: cache
      emptyDir: {}
`,
};

export default defineControl({
  id: 'host-path-volumes',
  title: 'hostPath volumes',
  description:
    "Flags pods that mount a hostPath volume, and calls out node root, kernel, kubelet, credential and container-runtime socket paths. A hostPath volume reaches past the container boundary into the node's filesystem. Paths listed in spec.allowedHostPaths of the controls configuration (and everything under them) are accepted.",
  severity: 'high',
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0048'],
    pss: ['hostPathVolumes'],
    cis: ['5.2.11'],
    polaris: ['hostPathSet'],
    trivy: ['KSV023'],
  },
  messages: {
    'host-path': 'Volume {volume} mounts the host path {hostPath}.',
    'sensitive-host-path':
      'Volume {volume} mounts the sensitive host path {hostPath}, which gives access to the node itself.',
  },
  remediation:
    'Replace hostPath volumes with emptyDir, ConfigMap, Secret, projected or persistent volumes. If a node agent must read host files, mount the narrowest path possible with readOnly: true and keep the workload in a restricted namespace.',
  examples,
  check: (resource, context) => {
    const allowed = controlsSettingsOf(context.settings).allowedHostPaths;
    return judgePodSpec(resource, (pod) => {
      const volumes = pod.spec['volumes'];
      if (!Array.isArray(volumes)) return [];
      return volumes.flatMap((volume: unknown, index): Violation<MessageId>[] => {
        if (!isRecord(volume) || !isRecord(volume['hostPath'])) return [];
        const raw = volume['hostPath']['path'];
        if (typeof raw === 'string' && isAllowedHostPath(raw, allowed)) return [];
        const hostPath = typeof raw === 'string' ? raw : evidenceOf(raw ?? '');
        const name =
          typeof volume['name'] === 'string' ? `"${volume['name']}"` : `volumes[${index}]`;
        const sensitive = typeof raw === 'string' && isSensitiveHostPath(raw);
        return [
          {
            messageId: sensitive ? 'sensitive-host-path' : 'host-path',
            data: { volume: name, hostPath: hostPath === '' ? '(no path)' : hostPath },
            path: pod.path.concat('volumes', index, 'hostPath'),
            evidence: hostPath,
          },
        ];
      });
    });
  },
});
