import { defineFramework } from './define.js';

/**
 * MITRE ATT&CK for Containers: one section per tactic (id and name as MITRE publishes them).
 * A control sits under every tactic whose techniques its misconfiguration enables.
 */
export default defineFramework({
  id: 'mitre-attack',
  name: 'MITRE ATT&CK for Containers',
  version: '17',
  description:
    'The containers matrix of MITRE ATT&CK, which catalogues adversary tactics and techniques against container platforms and Kubernetes. Each section groups the controls whose findings open the door to that tactic.',
  url: 'https://attack.mitre.org/matrices/enterprise/containers/',
  sections: [
    {
      // T1190 Exploit Public-Facing Application: host ports publish pods outside Services and policies.
      id: 'TA0001',
      title: 'Initial Access',
      controls: ['host-ports'],
    },
    {
      // T1204.003 User Execution: Malicious Image — a mutable tag runs whatever was pushed last.
      id: 'TA0002',
      title: 'Execution',
      controls: ['image-tag-latest'],
    },
    {
      // T1525 Implant Internal Image; a writable root filesystem lets implants persist in the container.
      id: 'TA0003',
      title: 'Persistence',
      controls: ['image-tag-latest', 'read-only-root-filesystem'],
    },
    {
      // T1611 Escape to Host, T1068 Exploitation for Privilege Escalation.
      id: 'TA0004',
      title: 'Privilege Escalation',
      controls: [
        'privileged-container',
        'allow-privilege-escalation',
        'run-as-non-root',
        'added-capabilities',
        'host-namespaces',
        'host-path-volumes',
      ],
    },
    {
      // T1612 Build Image on Host and T1610 Deploy Container rely on writable layers and host access.
      id: 'TA0005',
      title: 'Defense Evasion',
      controls: ['read-only-root-filesystem', 'host-namespaces'],
    },
    {
      // T1552.001 Credentials in Files, T1552.007 Container API, T1528 Steal Application Access Token.
      id: 'TA0006',
      title: 'Credential Access',
      controls: ['env-credentials', 'automount-service-account-token', 'host-path-volumes'],
    },
    {
      // T1613 Container and Resource Discovery, T1046 Network Service Discovery from the host network.
      id: 'TA0007',
      title: 'Discovery',
      controls: ['automount-service-account-token', 'host-namespaces'],
    },
    {
      // T1550.001 Use Alternate Authentication Material: Application Access Token.
      id: 'TA0008',
      title: 'Lateral Movement',
      controls: ['automount-service-account-token', 'env-credentials'],
    },
    {
      // T1496 Resource Hijacking, T1499 Endpoint Denial of Service.
      id: 'TA0040',
      title: 'Impact',
      controls: ['resource-limits'],
    },
  ],
});
