import type { ScanContext } from '../model/context.js';
import { containersOf } from '../model/containers.js';
import { isRecord, type Resource } from '../model/resource.js';
import { podSpecOf } from '../model/workload.js';
import { defineControl, type CheckResult, type Violation } from './define.js';
import { templatesSelectedBy } from './scan-scope.js';

type MessageId = 'invalid-port-number' | 'invalid-port-name' | 'undefined-named-port';

/** IANA service name syntax, which named container and target ports must follow. */
const PORT_NAME = /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Container port names of the pod templates the Service selects, or undefined when it selects none. */
function selectedPortNames(
  resource: Resource,
  selector: unknown,
  context: ScanContext,
): Set<string> | undefined {
  const selected = templatesSelectedBy(context, resource.namespace, selector);
  if (selected.length === 0) return undefined;
  const names = new Set<string>();
  for (const { resource: workload } of selected) {
    const pod = podSpecOf(workload);
    if (pod === undefined) continue;
    for (const { container } of containersOf(pod.spec, pod.path, [
      'containers',
      'initContainers',
    ])) {
      const ports = container['ports'];
      if (!Array.isArray(ports)) continue;
      for (const port of ports as unknown[])
        if (isRecord(port) && typeof port['name'] === 'string') names.add(port['name']);
    }
  }
  return names;
}

function judgeTargetPort(
  target: unknown,
  path: readonly (string | number)[],
  namesOf: () => Set<string> | undefined,
): Violation<MessageId>[] {
  if (typeof target === 'number') {
    return Number.isInteger(target) && target >= 1 && target <= 65535
      ? []
      : [
          {
            messageId: 'invalid-port-number',
            data: { port: target },
            path,
            evidence: String(target),
          },
        ];
  }
  if (typeof target !== 'string' || /^\d+$/.test(target)) return [];
  if (!PORT_NAME.test(target))
    return [{ messageId: 'invalid-port-name', data: { port: target }, path, evidence: target }];
  const names = namesOf();
  if (names === undefined || names.has(target)) return [];
  return [{ messageId: 'undefined-named-port', data: { port: target }, path, evidence: target }];
}

function judge(resource: Resource, context: ScanContext): CheckResult<MessageId> {
  const spec = resource.object['spec'];
  if (!isRecord(spec)) return { skipped: 'spec is missing or not an object' };
  const ports = spec['ports'];
  if (!Array.isArray(ports)) return [];
  const selector = spec['selector'];
  // Only a named target port needs the selected pods' port names: found once, on first need.
  let names: Set<string> | undefined | null = null;
  const namesOf = (): Set<string> | undefined => {
    if (names === null)
      names = isRecord(selector) ? selectedPortNames(resource, selector, context) : undefined;
    return names;
  };
  return ports.flatMap((port: unknown, index) =>
    isRecord(port) && port['targetPort'] !== undefined
      ? judgeTargetPort(port['targetPort'], ['spec', 'ports', index, 'targetPort'], namesOf)
      : [],
  );
}

export default defineControl({
  id: 'invalid-target-port',
  title: 'Service targetPort is invalid or not defined by its pods',
  description:
    'Flags Service targetPorts that are out of range, are not valid port names, or name a port that none of the selected pod templates in the scan defines. Traffic to such a port goes nowhere. Named ports are resolved only against pod templates the Service selects in the scan.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: https
---
apiVersion: apps/v1
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
`,
    passing: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
---
apiVersion: apps/v1
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
`,
  },
  match: { kinds: ['Service'] },
  aliases: { kubeLinter: ['invalid-target-ports'] },
  messages: {
    'invalid-port-number': 'targetPort {port} is outside 1-65535.',
    'invalid-port-name':
      'targetPort "{port}" is not a valid port name (1-15 lowercase letters, digits and inner dashes, with a letter).',
    'undefined-named-port':
      'targetPort "{port}" is not defined as a container port name by any pod template this Service selects.',
  },
  remediation:
    "Use a port number, or the exact name of a port declared in the selected containers' ports list (names are at most 15 lowercase alphanumeric characters or dashes).",
  check: judge,
});
