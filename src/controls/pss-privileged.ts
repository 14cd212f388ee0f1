import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-privileged',
  checkId: 'privileged',
  title: 'Pod Security Standards (baseline): privileged containers',
  description:
    'Baseline forbids privileged containers: a privileged container sees every device of the node and runs without the confinement of the container runtime, so escaping to the node is trivial.',
  severity: 'high',
  aliases: { kubescape: ['C-0057'], checkov: ['CKV_K8S_16'], trivy: ['KSV017'] },
  messages: {
    privileged: 'The {where} runs privileged (securityContext.privileged: {value}).',
  },
  remediation:
    'Remove securityContext.privileged or set it to false. If the workload needs one specific kernel feature, grant that capability alone, or move it to a namespace labelled for the privileged level.',
  classify: (offence) => ({
    messageId: 'privileged',
    fix: [{ op: 'set', path: offence.path, value: false }],
  }),
});
