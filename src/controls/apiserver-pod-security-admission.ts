import { defineFlagControl, type FlagRule } from './control-plane/flag-control.js';
import { listItems } from './control-plane/flags.js';

type Message = 'no-pod-security';

/**
 * PodSecurity is on by default since Kubernetes v1.23 and can only be turned off through
 * --disable-admission-plugins; before it, PodSecurityPolicy or SecurityContextDeny had to be
 * enabled by name. Any of the three is a pod security admission mechanism.
 */
const rule: FlagRule<Message> = {
  messages: {
    'no-pod-security':
      '{component} runs with --{flag} {value}, which turns off PodSecurity, and enables neither PodSecurityPolicy nor SecurityContextDeny.',
  },
  example: {
    failing: [
      '--enable-admission-plugins=NodeRestriction',
      '--disable-admission-plugins=PodSecurity',
    ],
    passing: ['--enable-admission-plugins=NodeRestriction'],
  },
  judge: (flags) => {
    const disabled = flags.get('disable-admission-plugins');
    if (disabled === undefined || !listItems(disabled.value).includes('PodSecurity')) return [];
    const enabled = listItems(flags.get('enable-admission-plugins')?.value ?? '');
    if (enabled.includes('PodSecurityPolicy') || enabled.includes('SecurityContextDeny')) return [];
    return [
      {
        messageId: 'no-pod-security',
        flag: 'disable-admission-plugins',
        data: { value: `= ${disabled.value}` },
      },
    ];
  },
};

export default defineFlagControl({
  id: 'apiserver-pod-security-admission',
  component: 'kube-apiserver',
  title: 'No pod security admission plugin in the API server',
  description:
    'Checks that the API server runs some pod security admission plugin: PodSecurity (on by default since v1.23 unless disabled), or on older clusters PodSecurityPolicy or SecurityContextDeny. Without one, namespace Pod Security labels are ignored and any pod spec is admitted.',
  severity: 'medium',
  aliases: { kubescape: ['C-0068', 'C-0124'] },
  remediation:
    'Remove PodSecurity from --disable-admission-plugins and label namespaces with the Pod Security Standards level they must meet; on clusters older than v1.23 enable PodSecurityPolicy with policies, or SecurityContextDeny.',
  rule,
});
