import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-capabilities-baseline',
  checkId: 'capabilities_baseline',
  title: 'Pod Security Standards (baseline): capabilities beyond the default set',
  description:
    'Baseline lets a container add back only capabilities the container runtime grants by default (CHOWN, KILL, NET_BIND_SERVICE, SETUID and a few more). Anything else, such as NET_RAW, NET_ADMIN or SYS_ADMIN, widens what a compromised process can do to the node. The names must be spelled exactly as upstream lists them.',
  severity: 'high',
  examples: {
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
          add: ['NET_ADMIN']
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
          add: ['NET_BIND_SERVICE']
`,
  },
  aliases: { trivy: ['KSV022'] },
  messages: {
    'added-capability':
      "The {where} adds capability {value}, which is not in the container runtime's default set.",
  },
  remediation:
    'Remove the capability from securityContext.capabilities.add. If the process really needs it, run the workload in a namespace labelled for the privileged level; at restricted level drop ALL and add back only NET_BIND_SERVICE.',
  classify: () => ({ messageId: 'added-capability' }),
});
