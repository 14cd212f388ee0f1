import { defineFlagControl } from './control-plane/flag-control.js';
import { listIncludes } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-always-pull-images',
  component: 'kube-apiserver',
  title: 'AlwaysPullImages admission plugin not enabled',
  description:
    "Checks that the AlwaysPullImages admission plugin is enabled. It forces a registry pull (and so a credential check) for every pod, so one tenant cannot run another tenant's private image already cached on a node.",
  severity: 'medium',
  aliases: { kubescape: ['C-0123'], cis: ['1.2.11'] },
  remediation:
    'Add AlwaysPullImages to --enable-admission-plugins; weigh the extra registry traffic and the dependency on registry availability.',
  rule: listIncludes('enable-admission-plugins', 'AlwaysPullImages'),
});
