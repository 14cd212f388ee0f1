import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-sysctls',
  checkId: 'sysctls',
  title: 'Pod Security Standards (baseline): unsafe sysctls',
  description:
    'Baseline allows only kernel parameters that are namespaced per pod and known to be harmless (a short list that grows with the version: v1.27, v1.29, v1.32 and v1.37 each add some). Any other sysctl can affect every pod on the node.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.ip_unprivileged_port_start
        value: '80'
      - name: net.core.somaxconn
        value: '4096'
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
`,
    passing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.ip_unprivileged_port_start
        value: '80'
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
`,
  },
  aliases: { trivy: ['KSV026'] },
  messages: {
    'unsafe-sysctl':
      'The pod sets kernel parameter {value}, which is not in the safe set of the Pod Security Standards at {version}.',
    'unnamed-sysctl': 'The pod sets a sysctl without a name, which names no safe kernel parameter.',
  },
  remediation:
    'Remove the sysctl from spec.securityContext.sysctls. If the workload needs it, configure it on dedicated nodes and run the workload in a namespace labelled for the privileged level.',
  classify: (offence) => ({ messageId: offence.present ? 'unsafe-sysctl' : 'unnamed-sysctl' }),
});
