import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';

/** Ports SSH servers listen on. */
const SSH_PORTS = new Set([22, 2222]);

export default defineControl({
  id: 'ssh-service-port',
  title: 'Service exposes an SSH port',
  description:
    'Flags Services that publish or forward to port 22 or 2222, the sign of an SSH server inside a container. SSH in a pod bypasses the audit and RBAC of kubectl exec and is a favourite target for password guessing.',
  severity: 'low',
  examples: {
    failing: `apiVersion: v1
kind: Service
metadata:
  name: git
  namespace: tools
spec:
  selector:
    app: git
  ports:
    - name: http
      port: 80
      targetPort: 3000
    - name: ssh
      port: 22
      targetPort: 2222
`,
    passing: `apiVersion: v1
kind: Service
metadata:
  name: git
  namespace: tools
spec:
  selector:
    app: git
  ports:
    - name: http
      port: 80
      targetPort: 3000
`,
  },
  match: { kinds: ['Service'] },
  aliases: { kubescape: ['C-0042'] },
  messages: {
    'ssh-port': 'Port entry {index} exposes {field} {port}, used by SSH servers.',
  },
  remediation:
    'Remove the SSH server from the image and use kubectl exec (under RBAC and audit) or an ephemeral debug container instead.',
  check: (resource) => {
    const spec = resource.object['spec'];
    const ports = isRecord(spec) ? spec['ports'] : undefined;
    if (!Array.isArray(ports)) return [];
    return ports.flatMap((entry: unknown, index): Violation<'ssh-port'>[] => {
      if (!isRecord(entry)) return [];
      for (const field of ['port', 'targetPort'] as const) {
        const port = entry[field];
        if (typeof port === 'number' && SSH_PORTS.has(port))
          return [
            {
              messageId: 'ssh-port',
              data: { index, field, port },
              path: ['spec', 'ports', index, field],
              evidence: String(port),
            },
          ];
      }
      return entry['name'] === 'ssh'
        ? [
            {
              messageId: 'ssh-port',
              data: { index, field: 'name', port: 'ssh' },
              path: ['spec', 'ports', index, 'name'],
              evidence: 'ssh',
            },
          ]
        : [];
    });
  },
});
