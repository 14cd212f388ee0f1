import { controlsSettingsOf } from '../config/controls-settings.js';
import { describeContainer } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import { DANGEROUS_CAPABILITIES, normalizeCapability } from './capabilities.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers, securityContextOf } from './workload-scope.js';

type MessageId = 'dangerous-capability' | 'added-capability';

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
      securityContext:
        capabilities:
          add: [SYS_ADMIN]
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
      securityContext:
        capabilities:
          drop: [ALL]
          add: [NET_BIND_SERVICE]
`,
};

export default defineControl({
  id: 'added-capabilities',
  title: 'Added Linux capabilities',
  description:
    'Flags capabilities a container adds beyond the allowed ones (NET_BIND_SERVICE unless spec.allowedCapabilities of the controls configuration says otherwise), and singles out those that grant host-level power (ALL, SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, BPF and similar). Every added capability widens what a compromised process can do to the kernel.',
  severity: 'high',
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0046'],
    checkov: ['CKV_K8S_25', 'CKV_K8S_39'],
    pss: ['capabilities_baseline', 'capabilities_restricted'],
    cis: ['5.2.9'],
    polaris: ['dangerousCapabilities', 'insecureCapabilities'],
    trivy: ['KSV005', 'KSV022'],
  },
  messages: {
    'dangerous-capability': 'The {container} adds the dangerous capability {capability}.',
    'added-capability':
      'The {container} adds the capability {capability}, which is not among the allowed ({allowed}).',
  },
  remediation:
    'Remove entries from securityContext.capabilities.add, keep only NET_BIND_SERVICE if the process binds a port below 1024, and drop everything else with capabilities.drop: ["ALL"].',
  examples,
  check: (resource, context) => {
    const allowedList = controlsSettingsOf(context.settings).allowedCapabilities.map(
      normalizeCapability,
    );
    const allowed = new Set(allowedList);
    const allowedText = allowedList.length === 0 ? 'none' : allowedList.join(', ');
    return judgeContainers(resource, (ref) => {
      const { context, path } = securityContextOf(ref);
      const capabilities = context?.['capabilities'];
      if (!isRecord(capabilities) || !Array.isArray(capabilities['add'])) return [];
      const add: unknown[] = capabilities['add'];
      return add.flatMap((entry, index): Violation<MessageId>[] => {
        if (typeof entry !== 'string') return [];
        const capability = normalizeCapability(entry);
        if (capability === '' || allowed.has(capability)) return [];
        const dangerous = DANGEROUS_CAPABILITIES.has(capability);
        const at = path.concat('capabilities', 'add', index);
        return [
          {
            messageId: dangerous ? 'dangerous-capability' : 'added-capability',
            data: dangerous
              ? { container: describeContainer(ref), capability }
              : { container: describeContainer(ref), capability, allowed: allowedText },
            path: at,
            evidence: entry,
            fix: [{ op: 'remove', path: at }],
          },
        ];
      });
    });
  },
});
