import { defineControl, type FixPatch } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { evidenceOf, judgePodSpec } from './workload-scope.js';

export default defineControl({
  id: 'deprecated-service-account-field',
  title: 'Deprecated serviceAccount field',
  description:
    'Flags pod specs that set serviceAccount, the deprecated alias of serviceAccountName. Tools that only read serviceAccountName misjudge such pods, and the two fields can drift apart when only one is edited.',
  severity: 'low',
  examples: {
    failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  serviceAccount: web
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
  serviceAccountName: web
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0294'], kubeLinter: ['deprecated-service-account-field'] },
  messages: {
    'deprecated-field': 'The pod spec sets the deprecated serviceAccount field ({value}).',
  },
  remediation:
    'Use serviceAccountName instead and remove serviceAccount; the attached fix moves the value over when serviceAccountName is not already set.',
  check: (resource) =>
    judgePodSpec(resource, (pod) => {
      const value = pod.spec['serviceAccount'];
      if (value === undefined || value === null) return [];
      const path = pod.path.concat('serviceAccount');
      const fix: FixPatch[] = [{ op: 'remove', path }];
      if (pod.spec['serviceAccountName'] === undefined && typeof value === 'string')
        fix.unshift({ op: 'set', path: pod.path.concat('serviceAccountName'), value });
      return [
        {
          messageId: 'deprecated-field',
          data: { value: evidenceOf(value) },
          path,
          evidence: evidenceOf(value),
          fix,
        },
      ];
    }),
});
