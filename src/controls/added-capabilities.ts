import { describeContainer } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import {
  ALLOWED_CAPABILITIES,
  DANGEROUS_CAPABILITIES,
  normalizeCapability,
} from './capabilities.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers, securityContextOf } from './workload-scope.js';

type MessageId = 'dangerous-capability' | 'added-capability';

export default defineControl({
  id: 'added-capabilities',
  title: 'Added Linux capabilities',
  description:
    'Flags capabilities a container adds beyond NET_BIND_SERVICE, and singles out those that grant host-level power (ALL, SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, BPF and similar). Every added capability widens what a compromised process can do to the kernel.',
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
      'The {container} adds the capability {capability}, beyond the allowed NET_BIND_SERVICE.',
  },
  remediation:
    'Remove entries from securityContext.capabilities.add, keep only NET_BIND_SERVICE if the process binds a port below 1024, and drop everything else with capabilities.drop: ["ALL"].',
  check: (resource) =>
    judgeContainers(resource, (ref) => {
      const { context, path } = securityContextOf(ref);
      const capabilities = context?.['capabilities'];
      if (!isRecord(capabilities) || !Array.isArray(capabilities['add'])) return [];
      const add: unknown[] = capabilities['add'];
      return add.flatMap((entry, index): Violation<MessageId>[] => {
        if (typeof entry !== 'string') return [];
        const capability = normalizeCapability(entry);
        if (capability === '' || ALLOWED_CAPABILITIES.has(capability)) return [];
        const at = [...path, 'capabilities', 'add', index];
        return [
          {
            messageId: DANGEROUS_CAPABILITIES.has(capability)
              ? 'dangerous-capability'
              : 'added-capability',
            data: { container: describeContainer(ref), capability },
            path: at,
            evidence: entry,
            fix: [{ op: 'remove', path: at }],
          },
        ];
      });
    }),
});
