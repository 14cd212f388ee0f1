import type { JsonPath } from '../core/json-path.js';
import { describeContainer, type ContainerRef } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';
import { LONG_RUNNING_KINDS, PROBE_FIELDS } from './probe-scope.js';
import { judgeContainers } from './workload-scope.js';

type MessageId = 'undefined-named-port' | 'port-not-exposed';

/** The probe handlers that name a port. */
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

/** Names and numbers of the container's declared ports. */
function declaredPorts(container: Readonly<Record<string, unknown>>): {
  names: Set<string>;
  numbers: Set<number>;
} {
  const names = new Set<string>();
  const numbers = new Set<number>();
  const ports = container['ports'];
  if (Array.isArray(ports)) {
    for (const port of ports as unknown[]) {
      if (!isRecord(port)) continue;
      if (typeof port['name'] === 'string') names.add(port['name']);
      if (typeof port['containerPort'] === 'number') numbers.add(port['containerPort']);
    }
  }
  return { names, numbers };
}

function judgePort(
  ref: ContainerRef,
  probe: string,
  port: unknown,
  path: JsonPath,
): Violation<MessageId>[] {
  const { names, numbers } = declaredPorts(ref.container);
  const data = { container: describeContainer(ref), probe, port: String(port) };
  // A named port must resolve or the probe can never succeed.
  if (typeof port === 'string' && !/^\d+$/.test(port)) {
    return names.has(port)
      ? []
      : [{ messageId: 'undefined-named-port', data, path, evidence: port }];
  }
  const number = typeof port === 'number' ? port : typeof port === 'string' ? Number(port) : NaN;
  // Declaring ports is optional; only judge numbers when the container lists its ports.
  if (Number.isNaN(number) || numbers.size === 0 || numbers.has(number)) return [];
  return [{ messageId: 'port-not-exposed', data, path, evidence: String(port) }];
}

export default defineControl({
  id: 'probe-port',
  title: 'Probe targets a port the container does not expose',
  description:
    'Flags startup, liveness and readiness probes whose port is a name the container does not define, or a number missing from a container that lists its ports. Such a probe fails forever: the pod never becomes ready or is restarted in a loop.',
  severity: 'medium',
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
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: web-http
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
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: http
`,
  },
  match: { kinds: LONG_RUNNING_KINDS },
  aliases: { kubeLinter: ['liveness-port', 'readiness-port', 'startup-port'] },
  messages: {
    'undefined-named-port':
      'The {probe} of the {container} targets the port named {port}, which the container does not define.',
    'port-not-exposed':
      'The {probe} of the {container} targets port {port}, which is not among the ports the container declares.',
  },
  remediation:
    "Point the probe at a port the container declares (by name or number), or add the missing entry to the container's ports list with the name the probe uses.",
  check: (resource) =>
    judgeContainers(
      resource,
      (ref) =>
        PROBE_FIELDS.flatMap((field) => {
          const probe = ref.container[field];
          if (!isRecord(probe)) return [];
          return HANDLERS.flatMap((handler) => {
            const action = probe[handler];
            if (!isRecord(action) || action['port'] === undefined) return [];
            return judgePort(ref, field, action['port'], ref.path.concat(field, handler, 'port'));
          });
        }),
      ['containers'],
    ),
});
