import { describeContainer } from '../model/containers.js';
import { defineControl } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers, securityContextOf } from './workload-scope.js';

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
        privileged: true
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
        privileged: false
`,
};

export default defineControl({
  id: 'privileged-container',
  title: 'Privileged containers',
  description:
    'Flags containers with securityContext.privileged set to true. A privileged container holds every Linux capability and sees the host devices, so a compromise of it is a compromise of the node.',
  severity: 'critical',
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0057'],
    checkov: ['CKV_K8S_16'],
    pss: ['privileged'],
    cis: ['5.2.2'],
    polaris: ['runAsPrivileged'],
    kubeLinter: ['privileged-container'],
    trivy: ['KSV017'],
  },
  messages: {
    privileged: 'Privileged mode is enabled for {container}.',
  },
  remediation:
    'Remove securityContext.privileged or set it to false. If the workload needs one specific kernel feature, grant that single capability instead, and run node agents that truly need the host in a dedicated, tightly controlled namespace.',
  examples,
  check: (resource) =>
    judgeContainers(resource, (ref) => {
      const { context, path } = securityContextOf(ref);
      if (context?.['privileged'] !== true) return [];
      return [
        {
          messageId: 'privileged',
          data: { container: describeContainer(ref) },
          path: path.concat('privileged'),
          evidence: 'true',
          fix: [{ op: 'set', path: path.concat('privileged'), value: false }],
        },
      ];
    }),
});
