import { definePssControl } from './pss-control.js';

type MessageId = 'selinux-type' | 'selinux-user' | 'selinux-role';

export default definePssControl<MessageId>({
  id: 'pss-se-linux-options',
  checkId: 'seLinuxOptions',
  title: 'Pod Security Standards (baseline): custom SELinux options',
  description:
    'Baseline forbids a custom SELinux user or role and allows only the container SELinux types (container_t, container_init_t, container_kvm_t, and container_engine_t from v1.31). Another type or user can lift the confinement SELinux puts on container processes.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  securityContext:
    seLinuxOptions:
      type: spc_t
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
    seLinuxOptions:
      type: container_t
      level: 's0:c123,c456'
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
`,
  },
  aliases: { trivy: ['KSV025'] },
  messages: {
    'selinux-type':
      'The {where} sets SELinux type {value}, which is not one of the container types allowed at {version}.',
    'selinux-user': 'The {where} sets a custom SELinux user ({value}).',
    'selinux-role': 'The {where} sets a custom SELinux role ({value}).',
  },
  remediation:
    'Remove seLinuxOptions.user and seLinuxOptions.role, and leave seLinuxOptions.type unset or use container_t (or another allowed container type). The level (MCS categories) may stay.',
  classify: (offence) => {
    const field = offence.podPath.at(-1);
    return {
      messageId:
        field === 'user' ? 'selinux-user' : field === 'role' ? 'selinux-role' : 'selinux-type',
    };
  },
});
