import { defineFlagControl } from './control-plane/flag-control.js';
import { listExcludes } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-namespace-lifecycle',
  component: 'kube-apiserver',
  title: 'NamespaceLifecycle admission plugin disabled',
  description:
    'Checks that the NamespaceLifecycle admission plugin, enabled by default, is not turned off. It refuses new objects in namespaces being deleted or that do not exist, and protects the system namespaces from deletion.',
  severity: 'low',
  aliases: { kubescape: ['C-0126'], cis: ['1.2.13'] },
  remediation: 'Remove NamespaceLifecycle from --disable-admission-plugins on kube-apiserver.',
  rule: listExcludes('disable-admission-plugins', 'NamespaceLifecycle'),
});
