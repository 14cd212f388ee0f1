import control from '../../src/controls/agent-sandbox-hardening.js';
import { controlTester } from './control-tester.js';

const IMAGE = 'registry.example/agent@sha256:' + 'a'.repeat(64);
const CONTAINER = {
  name: 'agent',
  image: IMAGE,
  resources: { limits: { cpu: '1', memory: '1Gi' } },
};
const template = (pod: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'extensions.agents.x-k8s.io/v1alpha1',
  kind: 'SandboxTemplate',
  metadata: { name: 'python', namespace: 'agents' },
  spec: {
    podTemplate: { spec: { runtimeClassName: 'gvisor', containers: [CONTAINER], ...pod } },
    networkPolicy: { egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] },
    ...extra,
  },
});
const POD = ['spec', 'podTemplate', 'spec'];

controlTester.run(control, {
  valid: [
    { name: 'hardened template', object: template({}) },
    { name: 'kata runtime', object: template({ runtimeClassName: 'kata-qemu' }) },
    { name: 'egress denied entirely', object: template({}, { networkPolicy: { egress: [] } }) },
    {
      name: 'a Sandbox',
      object: { ...template({}), apiVersion: 'agents.x-k8s.io/v1alpha1', kind: 'Sandbox' },
    },
  ],
  invalid: [
    {
      name: 'default runtime, no policy, no limits, tag image',
      object: {
        ...template({}),
        spec: {
          podTemplate: { spec: { containers: [{ name: 'agent', image: 'python:3.12' }] } },
        },
      },
      violations: [
        { messageId: 'runtime-not-hardened', path: POD, data: { runtime: 'the node default' } },
        { messageId: 'egress-unrestricted', path: ['spec'] },
        {
          messageId: 'no-limits',
          path: [...POD, 'containers', 0],
          data: { container: 'container "agent"', missing: 'cpu and memory' },
        },
        {
          messageId: 'floating-image',
          path: [...POD, 'containers', 0, 'image'],
          evidence: 'python:3.12',
        },
      ],
    },
    {
      name: 'runc runtime and an open egress rule',
      object: template(
        { runtimeClassName: 'runc' },
        { networkPolicy: { egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }, {}] } },
      ),
      violations: [
        { messageId: 'runtime-not-hardened', path: [...POD, 'runtimeClassName'], evidence: 'runc' },
        { messageId: 'egress-unrestricted', path: ['spec', 'networkPolicy', 'egress', 0] },
        { messageId: 'egress-unrestricted', path: ['spec', 'networkPolicy', 'egress', 1] },
      ],
    },
    {
      name: 'policy without an egress list',
      object: template({}, { networkPolicy: { ingress: [] } }),
      violations: [{ messageId: 'egress-unrestricted', path: ['spec', 'networkPolicy'] }],
    },
  ],
  skipped: [
    {
      name: 'hostile: no pod template',
      object: { apiVersion: 'agents.x-k8s.io/v1alpha1', kind: 'Sandbox', spec: { podTemplate: 3 } },
      reason: /podTemplate/,
    },
  ],
});
