import type { JsonPath } from '../core/json-path.js';
import type { ScanContext } from '../model/context.js';
import { isRecord, type Resource } from '../model/resource.js';
import { defineControl, type CheckResult, type Violation } from './define.js';
import { outOfScanReason } from './scan-scope.js';

type MessageId = 'missing-service' | 'missing-port';

/** A backend of an Ingress: where it is and the Service it names. */
interface Backend {
  readonly path: JsonPath;
  readonly service: Readonly<Record<string, unknown>>;
}

/** The default backend and every rule path backend that points at a Service. */
function backendsOf(spec: Readonly<Record<string, unknown>>): Backend[] {
  const backends: Backend[] = [];
  const add = (backend: unknown, path: JsonPath): void => {
    if (isRecord(backend) && isRecord(backend['service']))
      backends.push({ path: path.concat('service'), service: backend['service'] });
  };
  add(spec['defaultBackend'], ['spec', 'defaultBackend']);
  const rules = spec['rules'];
  if (!Array.isArray(rules)) return backends;
  rules.forEach((rule: unknown, r) => {
    const http = isRecord(rule) ? rule['http'] : undefined;
    const paths = isRecord(http) ? http['paths'] : undefined;
    if (!Array.isArray(paths)) return;
    paths.forEach((entry: unknown, p) => {
      if (isRecord(entry))
        add(entry['backend'], ['spec', 'rules', r, 'http', 'paths', p, 'backend']);
    });
  });
  return backends;
}

/** True when the Service declares the port the backend names (by number or name). */
function hasPort(service: Resource, port: Readonly<Record<string, unknown>>): boolean {
  const ports = isRecord(service.object['spec']) ? service.object['spec']['ports'] : undefined;
  if (!Array.isArray(ports)) return false;
  return ports.some(
    (entry: unknown) =>
      isRecord(entry) &&
      ((port['number'] !== undefined && entry['port'] === port['number']) ||
        (port['name'] !== undefined && entry['name'] === port['name'])),
  );
}

function judgeBackend(
  backend: Backend,
  resource: Resource,
  context: ScanContext,
): Violation<MessageId>[] {
  const name = backend.service['name'];
  if (typeof name !== 'string') return [];
  const service = context.resources.find('Service', resource.namespace, name);
  if (service === undefined)
    return [
      {
        messageId: 'missing-service',
        data: { service: name },
        path: backend.path.concat('name'),
        evidence: name,
      },
    ];
  const port = backend.service['port'];
  if (!isRecord(port) || hasPort(service, port)) return [];
  const field = port['number'] !== undefined ? 'number' : 'name';
  const value = String(port[field]);
  return [
    {
      messageId: 'missing-port',
      data: { service: name, port: value },
      path: backend.path.concat('port', field),
      evidence: value,
    },
  ];
}

function judge(resource: Resource, context: ScanContext): CheckResult<MessageId> {
  const spec = resource.object['spec'];
  if (!isRecord(spec)) return { skipped: 'spec is missing or not an object' };
  const backends = backendsOf(spec);
  if (backends.length === 0) return [];
  if (context.resources.byKindInNamespace('Service', resource.namespace).length === 0)
    return { skipped: outOfScanReason('Services', resource.namespace) };
  return backends.flatMap((backend) => judgeBackend(backend, resource, context));
}

export default defineControl({
  id: 'dangling-ingress-backend',
  title: 'Ingress backend points at a missing Service or port',
  description:
    'Flags Ingress backends naming a Service that is not in the scan, or a port that Service does not declare. Requests for those hosts and paths fail with 502/503. Judged only when the scan holds Services of the Ingress namespace.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
`,
    passing: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
`,
  },
  match: { kinds: ['Ingress'] },
  aliases: { kubescape: ['C-0298'], kubeLinter: ['dangling-ingress'] },
  messages: {
    'missing-service':
      'The backend names Service {service}, which is not in this namespace in the scan.',
    'missing-port': 'The backend uses port {port}, which Service {service} does not declare.',
  },
  remediation:
    "Point the backend at an existing Service of the same namespace and at a port (number or name) listed in that Service's spec.ports.",
  check: judge,
});
