import { PSS_LATEST_MINOR } from '../pss/index.js';
import { defineFramework } from './define.js';
import pssBaseline from './pss-baseline.js';

/**
 * The restricted Pod Security Standard: every baseline section, then one section per restricted
 * check. Four restricted checks replace a baseline one upstream; here both stay, and the
 * replacing control leaves out what the baseline control already reports, so a pod fails this
 * framework exactly when the admission plugin would reject it and no field is reported twice.
 */
export default defineFramework({
  id: 'pss-restricted',
  name: 'Pod Security Standards: restricted',
  version: `v1.${PSS_LATEST_MINOR} (latest)`,
  description:
    'The Kubernetes Pod Security Standards at restricted level: everything in baseline plus current pod hardening practice (non-root users, no privilege escalation, a seccomp profile, all capabilities dropped, only ephemeral or claim-backed volume types). Each check is judged with the rules of the policy version given by --pss-version (default: latest), so checks introduced after that version are skipped, exactly as the pod-security admission plugin would behave at that version.',
  url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
  sections: [
    ...pssBaseline.sections,
    {
      id: 'restrictedVolumes',
      title: 'Volume types (replaces hostPathVolumes)',
      controls: ['pss-restricted-volumes'],
    },
    { id: 'runAsNonRoot', title: 'Running as non-root', controls: ['pss-run-as-non-root'] },
    { id: 'runAsUser', title: 'User id 0 (v1.23+)', controls: ['pss-run-as-user'] },
    {
      id: 'allowPrivilegeEscalation',
      title: 'Privilege escalation (v1.8+)',
      controls: ['pss-allow-privilege-escalation'],
    },
    {
      id: 'seccompProfile_restricted',
      title: 'Seccomp profile required (v1.19+, replaces seccompProfile_baseline)',
      controls: ['pss-seccomp-profile-restricted'],
    },
    {
      id: 'capabilities_restricted',
      title: 'Drop ALL capabilities (v1.22+, replaces capabilities_baseline)',
      controls: ['pss-capabilities-restricted'],
    },
    {
      id: 'procMount_restricted',
      title: '/proc mount type in user namespaces (v1.35+, replaces procMount)',
      controls: ['pss-proc-mount-restricted'],
    },
  ],
});
