import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-windows-host-process',
  checkId: 'windowsHostProcess',
  title: 'Pod Security Standards (baseline): Windows host processes',
  description:
    "Baseline forbids Windows HostProcess containers: they run directly on the Windows node with the node's privileges, the Windows counterpart of a privileged container.",
  severity: 'high',
  examples: {
    failing: `apiVersion: v1
kind: Pod
metadata:
  name: node-agent
  namespace: ops
spec:
  nodeSelector:
    kubernetes.io/os: windows
  securityContext:
    windowsOptions:
      hostProcess: true
      runAsUserName: NT AUTHORITY\\SYSTEM
  containers:
    - name: agent
      image: registry.example/ops/win-agent:1.2.0
`,
    passing: `apiVersion: v1
kind: Pod
metadata:
  name: node-agent
  namespace: ops
spec:
  nodeSelector:
    kubernetes.io/os: windows
  securityContext:
    windowsOptions:
      runAsUserName: ContainerUser
  containers:
    - name: agent
      image: registry.example/ops/win-agent:1.2.0
`,
  },
  messages: {
    'host-process':
      'The {where} runs as a Windows host process (windowsOptions.hostProcess: {value}).',
  },
  remediation:
    'Remove windowsOptions.hostProcess (or set it to false) on the pod and its containers. Node management agents that need it belong in a namespace labelled for the privileged level.',
  classify: () => ({ messageId: 'host-process' }),
});
