import { defineFramework } from './define.js';
import { requirement } from './mapping.js';
import * as T from './themes.js';

const R1 = '1 Network security controls';
const R2 = '2 Secure configurations';
const R3 = '3 Protect stored account data';
const R4 = '4 Protect data in transmission';
const R5 = '5 Protect against malicious software';
const R6 = '6 Secure systems and software';
const R7 = '7 Restrict access by business need to know';
const R8 = '8 Identify users and authenticate access';
const R10 = '10 Log and monitor all access';
const R11 = '11 Test security regularly';
const ORGANISATIONAL =
  'A process or physical requirement: no cluster configuration can show it is met.';

/** PCI DSS v4.0.1: the requirements for which cluster configuration is evidence. */
export default defineFramework({
  id: 'pci-dss-v4',
  name: 'PCI DSS',
  version: '4.0.1',
  description:
    'The Payment Card Industry Data Security Standard for systems that store, process or transmit cardholder data. This mapping is ours: each requirement lists the controls whose results support it for a Kubernetes cluster in scope. It is evidence for an assessor, not an assessment; requirements 9 and 12 (physical security, policies) and most of 11 need people and processes.',
  url: 'https://www.pcisecuritystandards.org/document_library/',
  sections: [
    requirement({
      id: '1.3',
      title: 'Network access to and from the cardholder data environment restricted',
      group: R1,
      evidence: [
        [
          T.NETWORK_SEGMENTATION,
          'Network policies are the network security controls between workloads in a cluster.',
        ],
      ],
    }),
    requirement({
      id: '1.4',
      title: 'Connections between trusted and untrusted networks controlled',
      group: R1,
      evidence: [
        [
          T.PERIMETER,
          'Shows which endpoints, nodes and services are reachable from outside the cluster.',
        ],
      ],
    }),
    requirement({
      id: '2.2.2',
      title: 'Vendor default accounts managed',
      group: R2,
      evidence: [
        [
          [
            'apiserver-anonymous-auth',
            'kubelet-anonymous-auth',
            'rbac-default-service-account',
            'rbac-anonymous-access',
          ],
          'Flags the built-in anonymous and default identities left with access.',
        ],
      ],
    }),
    requirement({
      id: '2.2.4',
      title: 'Only necessary services and functions enabled',
      group: R2,
      evidence: [
        [
          T.UNNEEDED_FUNCTIONALITY,
          'Flags debug endpoints, open ports and features the cluster does not need.',
        ],
      ],
    }),
    requirement({
      id: '2.2.5',
      title: 'Insecure services justified and secured',
      group: R2,
      evidence: [
        [
          [
            'apiserver-insecure-port',
            'kubelet-read-only-port',
            'etcd-auto-tls',
            'etcd-peer-auto-tls',
          ],
          'Flags unauthenticated or self-signed listeners that would need a documented justification.',
        ],
      ],
    }),
    requirement({
      id: '2.2.6',
      title: 'System security parameters configured to prevent misuse',
      group: R2,
      evidence: [
        [
          T.WORKLOAD_HARDENING,
          'The security context is the security parameter set of each container.',
        ],
        [
          T.PSS_CHECKS,
          'The Pod Security Standards are the published baseline for those parameters.',
        ],
        [
          T.NODE_FILE_INTEGRITY,
          'Shows that component configuration on nodes is protected from tampering.',
        ],
      ],
    }),
    requirement({
      id: '2.2.7',
      title: 'Non-console administrative access encrypted',
      group: R2,
      evidence: [
        [
          [
            'apiserver-tls-certificate',
            'apiserver-client-ca-file',
            'apiserver-strong-ciphers',
            'kubelet-tls-certificate',
            'kubelet-strong-ciphers',
          ],
          'Administrative access to Kubernetes goes through the API server and kubelet, so their TLS is what encrypts it.',
        ],
      ],
    }),
    requirement({
      id: '3.5.1',
      title: 'Stored account data rendered unreadable',
      group: R3,
      evidence: [
        [
          T.ENCRYPTION_AT_REST,
          'Shows that data the cluster stores in etcd, Secrets included, is encrypted.',
        ],
      ],
    }),
    requirement({
      id: '3.6.1',
      title: 'Cryptographic keys protected',
      group: R3,
      evidence: [
        [
          ['host-pki-key-permissions', 'host-encryption-providers', 'host-external-secret-storage'],
          'Shows that key files are locked down and encryption keys can live in an external KMS.',
        ],
        [
          ['rbac-secrets-access', 'env-credentials', 'secrets-in-env'],
          'Shows that key material in Secrets is readable by few and not copied into plain configuration.',
        ],
      ],
    }),
    requirement({
      id: '4.2.1',
      title: 'Strong cryptography for data sent over open networks',
      group: R4,
      evidence: [
        [['ingress-tls'], 'Ingress is where traffic from open networks enters the cluster.'],
        [
          [...T.TRANSPORT_ENCRYPTION, ...T.CRYPTO_STRENGTH],
          'Shows that traffic between components is encrypted with strong, current certificates.',
        ],
      ],
    }),
    requirement({
      id: '5.2',
      title: 'Malicious software prevented or detected',
      group: R5,
      evidence: [
        [
          T.IMAGE_PROVENANCE,
          'Only images from approved registries and pinned content can run, which keeps unknown software out.',
        ],
      ],
    }),
    requirement({
      id: '6.3.1',
      title: 'Security vulnerabilities identified and ranked',
      group: R6,
      evidence: [
        [
          T.KNOWN_VULNERABILITIES,
          'Flags components with known vulnerabilities and registries that do not scan images.',
        ],
      ],
    }),
    requirement({
      id: '6.3.3',
      title: 'Components protected by installing security patches',
      group: R6,
      evidence: [
        [T.UNSUPPORTED_COMPONENTS, 'Flags software and APIs that no longer get patches.'],
        [T.KNOWN_VULNERABILITIES, 'Flags versions with published, fixed vulnerabilities.'],
      ],
    }),
    requirement({
      id: '6.5.1',
      title: 'Changes to system components managed',
      group: R6,
      evidence: [
        [
          T.CHANGE_CONTROL,
          'Shows that deployments are pinned, reviewable artefacts rolled out in a controlled way.',
        ],
      ],
    }),
    requirement({
      id: '7.2.1',
      title: 'An access control model defined',
      group: R7,
      evidence: [
        [
          T.AUTHORIZATION_CONFIG,
          'Shows that RBAC and node authorization enforce the access model.',
        ],
      ],
    }),
    requirement({
      id: '7.2.2',
      title: 'Access assigned by least privilege',
      group: R7,
      evidence: [
        [T.RBAC_PRIVILEGE, 'Each flags a role or binding that grants more than least privilege.'],
      ],
    }),
    requirement({
      id: '7.2.5',
      title: 'System and application accounts limited to what they need',
      group: R7,
      evidence: [
        [T.SERVICE_ACCOUNTS, 'Service accounts are the application accounts of a cluster.'],
      ],
    }),
    requirement({
      id: '8.2.1',
      title: 'Every user has a unique ID',
      group: R8,
      evidence: [
        [
          T.USER_IDENTITIES,
          'Shows whether people use individual, managed identities instead of shared credentials.',
        ],
      ],
    }),
    requirement({
      id: '8.2.2',
      title: 'Shared and group accounts only by exception',
      group: R8,
      evidence: [
        [
          ['manual-system-masters', 'rbac-authenticated-group', 'rbac-anonymous-access'],
          'Flags access granted to groups everyone is a member of.',
        ],
      ],
    }),
    requirement({
      id: '8.3.1',
      title: 'Access authenticated with at least one factor',
      group: R8,
      evidence: [
        [T.AUTHENTICATION, 'Shows that each component authenticates callers before serving them.'],
      ],
    }),
    requirement({
      id: '8.6.2',
      title: 'No passwords hard-coded in scripts or configuration files',
      group: R8,
      evidence: [
        [
          ['env-credentials', 'secrets-in-env', 'cloud-credentials-mount'],
          'Flags credentials written into manifests, environment variables or mounted from node files.',
        ],
      ],
    }),
    requirement({
      id: '10.2.1',
      title: 'Audit logs enabled and active',
      group: R10,
      evidence: [[T.AUDIT_LOGGING, 'Shows that the API server records who did what.']],
    }),
    requirement({
      id: '10.3.2',
      title: 'Audit log files protected from modification',
      group: R10,
      evidence: [[['rbac-delete-events'], 'Flags subjects who could erase cluster events.']],
    }),
    requirement({
      id: '10.5.1',
      title: 'Audit log history retained',
      group: R10,
      evidence: [
        [
          T.AUDIT_RETENTION,
          'Shows how long and how much audit history the API server keeps on disk.',
        ],
      ],
    }),
    requirement({
      id: '11.3.1',
      title: 'Internal vulnerability scans performed',
      group: R11,
      evidence: [
        [['cloud-registry-image-scanning'], 'Shows that images are scanned in the registry.'],
      ],
    }),
    requirement({
      id: '11.5.2',
      title: 'Change-detection mechanism for critical files',
      group: R11,
      notCovered:
        'Needs file monitoring on nodes; our node file checks show permissions, not changes.',
    }),
    requirement({
      id: '9',
      title: 'Physical access to cardholder data restricted',
      group: 'Other requirements',
      notCovered: ORGANISATIONAL,
    }),
    requirement({
      id: '12',
      title: 'Information security policies and programmes',
      group: 'Other requirements',
      notCovered: ORGANISATIONAL,
    }),
  ],
});
