import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-service-authentication',
  title: 'Services answering without authentication',
  description:
    'Review item: in-cluster Services such as databases, caches and dashboards should demand authentication. Whether one does can only be learned by talking to it, which a scan of objects does not do.',
  severity: 'high',
  requires: 'manual',
  aliases: { kubescape: ['C-0274'] },
  remediation:
    'Probe each Service from inside the cluster; turn on authentication for those that answer anonymously and restrict who may reach them with NetworkPolicies.',
});
