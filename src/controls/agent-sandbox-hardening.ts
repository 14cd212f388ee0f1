import type { JsonPath } from '../core/json-path.js';
import { containersOf, describeContainer, type ContainerRef } from '../model/containers.js';
import { parseImageReference } from '../model/image-ref.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';

type Message = 'runtime-not-hardened' | 'egress-unrestricted' | 'no-limits' | 'floating-image';

/** RuntimeClass names of sandboxed runtimes: gVisor and Kata Containers in their usual spellings. */
const HARDENED_RUNTIME = /^(gvisor|runsc|kata(-[a-z0-9]+)*)$/;
const OPEN_CIDRS = new Set(['0.0.0.0/0', '::/0']);

function runtime(spec: Readonly<Record<string, unknown>>, path: JsonPath): Violation<Message>[] {
  const value = spec['runtimeClassName'];
  if (typeof value === 'string' && HARDENED_RUNTIME.test(value)) return [];
  return [
    {
      messageId: 'runtime-not-hardened',
      data: { runtime: typeof value === 'string' ? value : 'the node default' },
      path: typeof value === 'string' ? path.concat('runtimeClassName') : path,
      ...(typeof value === 'string' ? { evidence: value } : {}),
    },
  ];
}

/** An egress rule with no `to`, or one reaching every address, opens all destinations. */
function opensEverything(rule: unknown): boolean {
  if (!isRecord(rule)) return false;
  const to = rule['to'];
  if (!Array.isArray(to) || to.length === 0) return true;
  return to.some(
    (peer) =>
      isRecord(peer) &&
      isRecord(peer['ipBlock']) &&
      OPEN_CIDRS.has(String(peer['ipBlock']['cidr'])) &&
      !Array.isArray(peer['ipBlock']['except']),
  );
}

function egress(spec: Readonly<Record<string, unknown>>): Violation<Message>[] {
  const policy = spec['networkPolicy'];
  if (!isRecord(policy))
    return [
      {
        messageId: 'egress-unrestricted',
        data: { why: 'no networkPolicy is set' },
        path: ['spec'],
      },
    ];
  const rules = policy['egress'];
  if (!Array.isArray(rules))
    return [
      {
        messageId: 'egress-unrestricted',
        data: { why: 'networkPolicy has no egress list' },
        path: ['spec', 'networkPolicy'],
      },
    ];
  return rules.flatMap((rule, index): Violation<Message>[] =>
    opensEverything(rule)
      ? [
          {
            messageId: 'egress-unrestricted',
            data: { why: `egress[${index}] allows every destination` },
            path: ['spec', 'networkPolicy', 'egress', index],
          },
        ]
      : [],
  );
}

function limits(ref: ContainerRef): Violation<Message>[] {
  const resources = ref.container['resources'];
  const set = isRecord(resources) && isRecord(resources['limits']) ? resources['limits'] : {};
  const missing = ['cpu', 'memory'].filter((name) => set[name] === undefined || set[name] === null);
  if (missing.length === 0) return [];
  return [
    {
      messageId: 'no-limits',
      data: { container: describeContainer(ref), missing: missing.join(' and ') },
      path: ref.path,
    },
  ];
}

function image(ref: ContainerRef): Violation<Message>[] {
  const value = ref.container['image'];
  const parsed = typeof value === 'string' ? parseImageReference(value.trim()) : undefined;
  if (parsed?.digest !== undefined) return [];
  return [
    {
      messageId: 'floating-image',
      data: { container: describeContainer(ref) },
      path: ref.path.concat('image'),
      ...(typeof value === 'string' ? { evidence: value } : {}),
    },
  ];
}

const POD_SPEC: JsonPath = ['spec', 'podTemplate', 'spec'];

export default defineControl({
  id: 'agent-sandbox-hardening',
  title: 'Agent Sandbox not hardened',
  description:
    'Judges Agent Sandbox objects (Sandbox and SandboxTemplate of the Kubernetes agent-sandbox project), which run code written by AI agents: the pod must use a sandboxed runtime class (gVisor or Kata), egress must be limited by the sandbox networkPolicy, every container needs CPU and memory limits, and images must be pinned by digest.',
  severity: 'high',
  examples: {
    failing: `apiVersion: agents.x-k8s.io/v1alpha1
kind: Sandbox
metadata:
  name: code-runner
  namespace: agents
spec:
  podTemplate:
    spec:
      containers:
        - name: runner
          image: docker.io/library/python:3.12
`,
    passing: `apiVersion: agents.x-k8s.io/v1alpha1
kind: Sandbox
metadata:
  name: code-runner
  namespace: agents
spec:
  networkPolicy:
    egress:
      - to:
          - ipBlock:
              cidr: 10.40.0.0/16
        ports:
          - protocol: TCP
            port: 443
  podTemplate:
    spec:
      runtimeClassName: gvisor
      containers:
        - name: runner
          image: docker.io/library/python:3.12@sha256:b7ad567477c83756aab9a542b2be04f77dbae25115d85f22070d74d8cc4779dc
          resources:
            limits:
              cpu: '1'
              memory: 1Gi
`,
  },
  match: { kinds: ['Sandbox', 'SandboxTemplate'] },
  aliases: { kubescape: ['C-0297', 'C-0301', 'C-0303', 'C-0304'] },
  messages: {
    'runtime-not-hardened':
      'The sandbox runs under {runtime}, not a sandboxed runtime class (gVisor or Kata).',
    'egress-unrestricted': 'The sandbox egress is not restricted: {why}.',
    'no-limits': 'The {container} of the sandbox has no {missing} limit.',
    'floating-image': 'The {container} of the sandbox uses an image not pinned by digest.',
  },
  remediation:
    'Set runtimeClassName to a gVisor or Kata RuntimeClass, give the sandbox a networkPolicy whose egress rules name only the destinations the agent needs, set CPU and memory limits on every container, and pin images by digest from a registry you trust.',
  check: (resource) => {
    const spec = resource.object['spec'];
    const template = isRecord(spec) ? spec['podTemplate'] : undefined;
    const pod = isRecord(template) ? template['spec'] : undefined;
    if (!isRecord(spec) || !isRecord(pod))
      return { skipped: 'spec.podTemplate.spec is missing or not an object' };
    const containers = containersOf(pod, POD_SPEC);
    return [
      ...runtime(pod, POD_SPEC),
      ...egress(spec),
      ...containers.flatMap(limits),
      ...containers.flatMap(image),
    ];
  },
});
