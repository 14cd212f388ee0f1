import { describeContainer } from '../model/containers.js';
import { defineControl } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { evidenceOf, judgeContainers, securityContextOf } from './workload-scope.js';

/** Shown by `cubecape explain` and the docs; the meta-test runs them through the control. */
const examples = {
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
        readOnlyRootFilesystem: false
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
        readOnlyRootFilesystem: true
`,
};

export default defineControl({
  id: 'read-only-root-filesystem',
  title: 'Writable root filesystem',
  description:
    'Flags containers that do not set securityContext.readOnlyRootFilesystem to true. A writable root filesystem lets an intruder drop tools and modify binaries, and hides drift from the image.',
  severity: 'low',
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0017'],
    checkov: ['CKV_K8S_22'],
    polaris: ['notReadOnlyRootFilesystem'],
    kubeLinter: ['no-read-only-root-fs'],
    trivy: ['KSV014'],
  },
  messages: {
    writable: 'The root filesystem of {container} is explicitly writable.',
    'not-read-only':
      'The root filesystem of {container} is writable (readOnlyRootFilesystem is not set to true).',
  },
  remediation:
    'Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir volume at each path the application must write to (for example /tmp).',
  examples,
  check: (resource) =>
    judgeContainers(resource, (ref) => {
      const { context, path, parentPath } = securityContextOf(ref);
      const field = path.concat('readOnlyRootFilesystem');
      const value = context?.['readOnlyRootFilesystem'];
      if (value === true) return [];
      const data = { container: describeContainer(ref) };
      const fix = [{ op: 'set' as const, path: field, value: true }];
      if (value === false)
        return [{ messageId: 'writable', data, path: field, evidence: 'false', fix }];
      const present = value !== undefined && value !== null;
      return [
        {
          messageId: 'not-read-only',
          data,
          path: present ? field : parentPath,
          ...(present ? { evidence: evidenceOf(value) } : {}),
          fix,
        },
      ];
    }),
});
