import { defineFramework } from './define.js';
import { requirement } from './mapping.js';
import * as T from './themes.js';

const CC6 = 'CC6 Logical and physical access controls';
const CC7 = 'CC7 System operations';
const CC8 = 'CC8 Change management';
const OTHER = 'Additional criteria';
const ORGANISATIONAL =
  'An organisational criterion (governance, people, risk process): no cluster configuration can show it is met.';

/**
 * SOC 2 Trust Services Criteria: one section per criterion for which cluster configuration can be
 * evidence. Our own mapping, seeded by Kubescape's SOC2 set (network policies, credentials in
 * configuration, secrets access, administrative roles, audit logs, ingress TLS).
 */
export default defineFramework({
  id: 'soc2',
  name: 'SOC 2 Trust Services Criteria',
  version: '2017 (revised points of focus, 2022)',
  description:
    'The AICPA Trust Services Criteria that SOC 2 reports attest to: security (the common criteria CC1–CC9), availability and confidentiality. This mapping is ours: each criterion lists the controls whose results an auditor could take as evidence that the cluster part of it holds. Passing them does not make a system SOC 2 compliant; most criteria also need processes no scanner can see.',
  url: 'https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022',
  sections: [
    requirement({
      id: 'CC1-CC5',
      title:
        'Control environment, communication, risk assessment, monitoring and control activities',
      group: 'CC1–CC5 Organisational criteria',
      notCovered: ORGANISATIONAL,
    }),
    requirement({
      id: 'CC6.1',
      title: 'Logical access security over protected information assets',
      group: CC6,
      evidence: [
        [T.AUTHENTICATION, 'Shows that every component authenticates its callers.'],
        [T.AUTHORIZATION_CONFIG, 'Shows that access decisions are enforced by real authorizers.'],
        [T.ENCRYPTION_AT_REST, 'Shows that stored secrets are protected by encryption.'],
        [
          T.CREDENTIAL_HANDLING,
          'Shows that credentials are not left where anyone reading a manifest or node finds them.',
        ],
        [
          T.KEY_FILES,
          'Shows that private keys and kubeconfigs on nodes are readable only by their owners.',
        ],
      ],
    }),
    requirement({
      id: 'CC6.2',
      title: 'Registration and authorisation of users before access is granted',
      group: CC6,
      evidence: [
        [
          T.USER_IDENTITIES,
          'Shows whether people reach the cluster through managed identities rather than shared or unrevocable credentials.',
        ],
        [
          [
            'rbac-anonymous-access',
            'rbac-authenticated-group',
            'apiserver-anonymous-auth',
            'kubelet-anonymous-auth',
          ],
          'Shows that nobody gets access merely by reaching the endpoint or holding any valid login.',
        ],
      ],
    }),
    requirement({
      id: 'CC6.3',
      title: 'Role-based access with least privilege and segregation of duties',
      group: CC6,
      evidence: [
        [
          T.RBAC_PRIVILEGE,
          'Each flags a role or binding granting more than its subject plausibly needs.',
        ],
        [T.SERVICE_ACCOUNTS, 'Shows that workloads get their own narrowly scoped identities.'],
      ],
    }),
    requirement({
      id: 'CC6.6',
      title: 'Protection against threats from outside the system boundary',
      group: CC6,
      evidence: [
        [T.PERIMETER, 'Shows what the cluster exposes to networks outside it.'],
        [
          T.NETWORK_SEGMENTATION,
          'Shows that traffic reaching one pod cannot move freely to the rest.',
        ],
        [T.UNNEEDED_FUNCTIONALITY, 'Shows that debug and read-only endpoints are closed.'],
      ],
    }),
    requirement({
      id: 'CC6.7',
      title: 'Restriction of the transmission and movement of information',
      group: CC6,
      evidence: [
        [
          T.TRANSPORT_ENCRYPTION,
          'Shows that information moves between components and to clients over authenticated TLS.',
        ],
        [
          T.CRYPTO_STRENGTH,
          'Shows that the TLS in use is strong and its certificates are renewed.',
        ],
        [
          ['network-policy-isolation', 'namespace-network-policy'],
          'Shows that pods may only send data where policy allows.',
        ],
      ],
    }),
    requirement({
      id: 'CC6.8',
      title: 'Prevention and detection of unauthorised or malicious software',
      group: CC6,
      evidence: [
        [
          T.IMAGE_PROVENANCE,
          'Shows that only images from approved sources, pinned to reviewed content, can run.',
        ],
        [T.WORKLOAD_HARDENING, 'Shows that a compromised container cannot take over its node.'],
        [T.PSS_CHECKS, 'The same containment judged as the Pod Security Standards define it.'],
      ],
    }),
    requirement({
      id: 'CC7.1',
      title: 'Detection of configuration changes and newly found vulnerabilities',
      group: CC7,
      evidence: [
        [
          T.KNOWN_VULNERABILITIES,
          'Flags components with published vulnerabilities, or registries that do not scan for them.',
        ],
        [T.UNSUPPORTED_COMPONENTS, 'Flags software and APIs that no longer receive fixes.'],
        [
          T.NODE_FILE_INTEGRITY,
          'Shows that component configuration on nodes cannot be changed by non-root users.',
        ],
      ],
    }),
    requirement({
      id: 'CC7.2',
      title: 'Monitoring of system components for anomalies',
      group: CC7,
      evidence: [
        [
          [...T.AUDIT_LOGGING, ...T.AUDIT_RETENTION],
          'Shows that API activity is recorded and kept long enough to investigate.',
        ],
        [['rbac-delete-events'], 'Flags subjects who could erase the event trail.'],
      ],
    }),
    requirement({
      id: 'CC7.3-CC7.5',
      title: 'Evaluation of, response to and recovery from security incidents',
      group: CC7,
      notCovered:
        'Incident handling is a process; the audit controls under CC7.2 show only that its raw material exists.',
    }),
    requirement({
      id: 'CC8.1',
      title: 'Authorised, tested and approved changes to infrastructure and software',
      group: CC8,
      evidence: [
        [
          T.CHANGE_CONTROL,
          'Shows that what runs is a fixed, reviewable artefact rolled out in a controlled way.',
        ],
        [
          ['rbac-webhook-configuration', 'rbac-create-pods', 'rbac-delete-workloads'],
          'Flags subjects who could change running workloads or admission outside the change process.',
        ],
      ],
    }),
    requirement({
      id: 'CC9',
      title: 'Risk mitigation and vendor management',
      group: OTHER,
      notCovered: ORGANISATIONAL,
    }),
    requirement({
      id: 'A1.1',
      title: 'Capacity managed to meet availability commitments',
      group: OTHER,
      evidence: [
        [
          T.RESOURCE_PROTECTION,
          'Shows that resource use is bounded so one workload or client cannot starve others.',
        ],
      ],
    }),
    requirement({
      id: 'A1.2',
      title: 'Infrastructure and recovery that support availability',
      group: OTHER,
      evidence: [
        [
          T.RESILIENCE,
          'Shows that failed pods are detected and replaced and that maintenance keeps enough replicas.',
        ],
      ],
    }),
    requirement({
      id: 'C1.1',
      title: 'Confidential information identified and protected',
      group: OTHER,
      evidence: [
        [T.ENCRYPTION_AT_REST, 'Shows that stored confidential data is encrypted.'],
        [
          T.CREDENTIAL_HANDLING,
          'Shows that secrets are held in Secrets, out of manifests, and readable by few.',
        ],
        [['ingress-tls'], 'Shows that confidential data leaves the cluster only over TLS.'],
      ],
    }),
  ],
});
