import type { ScanContext } from '../model/context.js';
import { isRecord, type Resource } from '../model/resource.js';
import { defineControl, type CheckResult, type Violation } from './define.js';
import { describeNamespace } from './scan-scope.js';

type MessageId = 'missing-service' | 'missing-port';

/** Gateway API route kinds whose rules carry backendRefs. */
const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'];

/** A backendRef names a Service when kind is unset or Service and group is unset or core. */
function isServiceRef(ref: Readonly<Record<string, unknown>>): boolean {
  const kind = ref['kind'] ?? 'Service';
  const group = ref['group'] ?? '';
  return kind === 'Service' && (group === '' || group === 'core');
}

function servicePorts(service: Resource): unknown[] {
  const spec = service.object['spec'];
  const ports = isRecord(spec) ? spec['ports'] : undefined;
  return Array.isArray(ports) ? (ports as unknown[]) : [];
}

interface Judged {
  readonly judged: boolean;
  readonly violations: Violation<MessageId>[];
}

function judgeRef(
  ref: Readonly<Record<string, unknown>>,
  path: readonly (string | number)[],
  resource: Resource,
  context: ScanContext,
): Judged {
  const name = ref['name'];
  if (typeof name !== 'string') return { judged: false, violations: [] };
  const namespace = typeof ref['namespace'] === 'string' ? ref['namespace'] : resource.namespace;
  // Only judge when the scan holds Services of the referenced namespace.
  if (context.resources.byKindInNamespace('Service', namespace).length === 0)
    return { judged: false, violations: [] };
  const service = context.resources.find('Service', namespace, name);
  const where = describeNamespace(namespace);
  if (service === undefined)
    return {
      judged: true,
      violations: [
        {
          messageId: 'missing-service',
          data: { service: name, namespace: where },
          path: path.concat('name'),
          evidence: name,
        },
      ],
    };
  const port = ref['port'];
  if (typeof port !== 'number') return { judged: true, violations: [] };
  const declared = servicePorts(service).some((entry) => isRecord(entry) && entry['port'] === port);
  return {
    judged: true,
    violations: declared
      ? []
      : [
          {
            messageId: 'missing-port',
            data: { service: name, port },
            path: path.concat('port'),
            evidence: String(port),
          },
        ],
  };
}

function judge(resource: Resource, context: ScanContext): CheckResult<MessageId> {
  const spec = resource.object['spec'];
  if (!isRecord(spec)) return { skipped: 'spec is missing or not an object' };
  const rules = spec['rules'];
  if (!Array.isArray(rules)) return [];
  const results: Judged[] = [];
  rules.forEach((rule: unknown, r) => {
    const refs = isRecord(rule) ? rule['backendRefs'] : undefined;
    if (!Array.isArray(refs)) return;
    refs.forEach((ref: unknown, b) => {
      if (!isRecord(ref) || !isServiceRef(ref)) return;
      results.push(judgeRef(ref, ['spec', 'rules', r, 'backendRefs', b], resource, context));
    });
  });
  if (results.length > 0 && !results.some((result) => result.judged))
    return { skipped: 'the scan holds no Services in the namespaces the backendRefs point to' };
  const violations = results.flatMap((result) => result.violations);
  return violations;
}

export default defineControl({
  id: 'dangling-gateway-backend',
  title: 'Gateway API route backend points at a missing Service or port',
  description:
    'Flags backendRefs of HTTPRoute, GRPCRoute, TLSRoute, TCPRoute and UDPRoute objects that name a Service not in the scan, or a port the Service does not declare. The gateway answers those requests with errors. A reference is judged only when the scan holds Services of its namespace.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
  namespace: shop
spec:
  parentRefs:
    - name: public
      namespace: gateways
  hostnames: ['shop.example.com']
  rules:
    - backendRefs:
        - name: web
          port: 8080
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
    - port: 80
      targetPort: 8080
`,
    passing: `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
  namespace: shop
spec:
  parentRefs:
    - name: public
      namespace: gateways
  hostnames: ['shop.example.com']
  rules:
    - backendRefs:
        - name: web
          port: 80
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
    - port: 80
      targetPort: 8080
`,
  },
  match: { kinds: ROUTE_KINDS },
  aliases: { kubescape: ['C-0302'] },
  messages: {
    'missing-service':
      'The backendRef names Service {service}, which is not in {namespace} in the scan.',
    'missing-port': 'The backendRef uses port {port}, which Service {service} does not declare.',
  },
  remediation:
    'Point each backendRef at an existing Service and one of its declared ports; for a Service in another namespace, also make sure a ReferenceGrant allows the reference.',
  check: judge,
});
