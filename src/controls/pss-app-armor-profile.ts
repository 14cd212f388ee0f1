import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-app-armor-profile',
  checkId: 'appArmorProfile',
  title: 'Pod Security Standards (baseline): AppArmor profile overridden',
  description:
    "Baseline forbids switching AppArmor off or replacing the runtime's profile with anything but a profile loaded on the node: appArmorProfile.type must be RuntimeDefault or Localhost, and the older container.apparmor.security.beta.kubernetes.io annotations must be runtime/default or localhost/<profile>.",
  severity: 'medium',
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
        appArmorProfile:
          type: Unconfined
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
        appArmorProfile:
          type: RuntimeDefault
`,
  },
  aliases: { trivy: ['KSV002'] },
  messages: {
    'profile-type':
      'The {where} sets AppArmor profile type {value}; only RuntimeDefault or Localhost are allowed.',
    annotation:
      'The {where} sets AppArmor profile {value}; only runtime/default or localhost/<profile> are allowed.',
  },
  remediation:
    'Remove the Unconfined AppArmor setting, or set appArmorProfile.type to RuntimeDefault (or Localhost with a profile loaded on the nodes). Replace the deprecated beta annotations with the appArmorProfile field.',
  classify: (offence) => ({
    messageId: offence.podPath[0] === 'metadata' ? 'annotation' : 'profile-type',
  }),
});
