import { defineFramework } from './define.js';

/**
 * NSA/CISA Kubernetes Hardening Guidance, one section per chapter of the guide. Chapters whose
 * advice needs RBAC, audit or cluster data have no built-in controls yet; they are listed so
 * reports show the whole structure of the guide.
 */
export default defineFramework({
  id: 'nsa-cisa',
  name: 'NSA/CISA Kubernetes Hardening Guidance',
  version: '1.2',
  description:
    'Hardening advice for Kubernetes published by the US National Security Agency and the Cybersecurity and Infrastructure Security Agency (August 2022 revision), covering pod security, network separation, authentication and authorization, audit logging and upgrade practices.',
  url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF',
  sections: [
    {
      // Non-root and rootless containers, immutable filesystems, pod security enforcement,
      // protecting pod service account tokens, hardening container environments.
      id: 'pod-security',
      title: 'Kubernetes Pod security',
      controls: [
        'privileged-container',
        'allow-privilege-escalation',
        'run-as-non-root',
        'read-only-root-filesystem',
        'host-namespaces',
        'host-path-volumes',
        'host-ports',
        'added-capabilities',
        'automount-service-account-token',
      ],
    },
    {
      // Namespaces, network policies, resource policies (limits and quotas), and secrets.
      id: 'network-separation',
      title: 'Network separation and hardening',
      controls: ['host-namespaces', 'host-ports', 'resource-limits', 'env-credentials'],
    },
    {
      id: 'authentication-authorization',
      title: 'Authentication and authorization',
      controls: ['automount-service-account-token'],
    },
    {
      id: 'audit-logging',
      title: 'Audit logging and threat detection',
      controls: [],
    },
    {
      id: 'upgrading',
      title: 'Upgrading and application security practices',
      controls: [],
    },
  ],
});
