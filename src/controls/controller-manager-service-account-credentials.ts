import { defineFlagControl } from './control-plane/flag-control.js';
import { flagEquals } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'controller-manager-service-account-credentials',
  component: 'kube-controller-manager',
  title: "Controllers share the controller manager's credential",
  description:
    "Checks that --use-service-account-credentials=true, so each controller calls the API with its own service account and the narrow role bound to it, instead of the controller manager's broad credential.",
  severity: 'medium',
  aliases: { kubescape: ['C-0146'], cis: ['1.3.3'] },
  remediation:
    'Set --use-service-account-credentials=true on kube-controller-manager (the default system:controller:* roles then apply).',
  rule: flagEquals('use-service-account-credentials', 'true', 'false'),
});
