import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-kubelet-hostname-override',
  title: 'kubelet overrides its hostname',
  description:
    'Checks on the node that the kubelet does not run with --hostname-override, which can break TLS between the kubelet and the API server because the node name no longer matches its certificate.',
  severity: 'low',
  requires: 'host',
  aliases: { kubescape: ['C-0179'], cis: ['4.2.7'] },
  remediation:
    'Remove --hostname-override from the kubelet command line (cloud providers that need it are an accepted exception).',
});
