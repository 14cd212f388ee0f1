import control from '../../src/controls/psp-permissive.js';
import { controlTester } from './control-tester.js';

const psp = (spec: unknown) => ({
  apiVersion: 'policy/v1beta1',
  kind: 'PodSecurityPolicy',
  metadata: { name: 'p' },
  spec,
});
const RESTRICTED = {
  privileged: false,
  allowPrivilegeEscalation: false,
  requiredDropCapabilities: ['ALL'],
  runAsUser: { rule: 'MustRunAsNonRoot' },
  seLinux: { rule: 'RunAsAny' },
  volumes: ['configMap', 'secret'],
};

controlTester.run(control, {
  valid: [
    { name: 'restricted policy', object: psp(RESTRICTED) },
    {
      name: 'MustRunAs with ranges above 0',
      object: psp({
        ...RESTRICTED,
        runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] },
      }),
    },
  ],
  invalid: [
    {
      name: 'privileged and host namespaces',
      object: psp({ ...RESTRICTED, privileged: true, hostPID: true, hostNetwork: true }),
      violations: [
        { messageId: 'allows-privileged', path: ['spec', 'privileged'] },
        {
          messageId: 'allows-host-namespace',
          path: ['spec', 'hostPID'],
          data: { field: 'hostPID' },
        },
        { messageId: 'allows-host-namespace', path: ['spec', 'hostNetwork'] },
      ],
    },
    {
      name: 'hostIPC',
      object: psp({ ...RESTRICTED, hostIPC: true }),
      violations: [{ messageId: 'allows-host-namespace', path: ['spec', 'hostIPC'] }],
    },
    {
      name: 'escalation allowed explicitly, RunAsAny, added capabilities',
      object: psp({
        ...RESTRICTED,
        allowPrivilegeEscalation: true,
        runAsUser: { rule: 'RunAsAny' },
        allowedCapabilities: ['NET_ADMIN'],
      }),
      violations: [
        { messageId: 'allows-privilege-escalation', path: ['spec', 'allowPrivilegeEscalation'] },
        { messageId: 'allows-root', path: ['spec', 'runAsUser'] },
        {
          messageId: 'allows-added-capabilities',
          path: ['spec', 'allowedCapabilities'],
          evidence: 'NET_ADMIN',
        },
      ],
    },
    {
      name: 'MustRunAs with a range from 0',
      object: psp({
        ...RESTRICTED,
        runAsUser: { rule: 'MustRunAs', ranges: [{ min: 0, max: 10 }] },
      }),
      violations: [{ messageId: 'allows-root', path: ['spec', 'runAsUser'] }],
    },
    {
      name: 'empty spec: defaults allow escalation and root, no drop',
      object: psp({}),
      violations: [
        { messageId: 'allows-privilege-escalation', path: ['spec'] },
        { messageId: 'allows-root', path: ['spec'] },
        { messageId: 'no-required-drop-all', path: ['spec'] },
      ],
    },
    {
      name: 'drops only some capabilities',
      object: psp({ ...RESTRICTED, requiredDropCapabilities: ['NET_RAW'] }),
      violations: [
        { messageId: 'no-required-drop-all', path: ['spec', 'requiredDropCapabilities'] },
      ],
    },
  ],
  skipped: [{ name: 'hostile: spec not an object', object: psp('x'), reason: /spec/ }],
});
