import type { FixPatch } from './define.js';
import { definePssControl, type PssOffence } from './pss-control.js';

/** Adds ALL to an existing drop list (keeping its string entries), or creates one. */
function dropAll(offence: PssOffence): readonly FixPatch[] {
  const kept = Array.isArray(offence.value)
    ? offence.value.filter((entry): entry is string => typeof entry === 'string')
    : [];
  return [{ op: 'set', path: offence.path, value: kept.concat('ALL') }];
}

export default definePssControl({
  id: 'pss-capabilities-restricted',
  checkId: 'capabilities_restricted',
  title: 'Pod Security Standards (restricted): capabilities not dropped',
  description:
    'From v1.22 restricted requires every container to drop ALL capabilities and add back nothing but NET_BIND_SERVICE. It replaces the baseline capabilities rule: capabilities outside the default set stay with pss-capabilities-baseline, and this control reports the missing drop and the default-set capabilities added back. From v1.25 Windows pods are exempt.',
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
          drop: ['ALL']
`,
  },
  aliases: { checkov: ['CKV_K8S_37'], trivy: ['KSV003'] },
  messages: {
    'drop-all-missing':
      'The {where} does not drop ALL capabilities (capabilities.drop is {value}).',
    'added-capability':
      'The {where} adds capability {value}; the restricted level allows only NET_BIND_SERVICE.',
  },
  remediation:
    'Set securityContext.capabilities.drop: [ALL] on every container and add back only NET_BIND_SERVICE, if the process binds a port below 1024.',
  classify: (offence) =>
    offence.podPath.at(-1) === 'drop'
      ? { messageId: 'drop-all-missing', fix: dropAll(offence) }
      : { messageId: 'added-capability' },
});
