import { defineFramework } from './define.js';
import { requirement } from './mapping.js';
import * as T from './themes.js';

const AC = 'AC Access control';
const AU = 'AU Audit and accountability';
const CM = 'CM Configuration management';
const IA = 'IA Identification and authentication';
const SA = 'SA System and services acquisition';
const SC = 'SC System and communications protection';
const SI = 'SI System and information integrity';

/** NIST SP 800-53 Rev. 5: the controls for which cluster configuration is evidence. */
export default defineFramework({
  id: 'nist-800-53-r5',
  name: 'NIST SP 800-53 Security and Privacy Controls',
  version: 'Revision 5',
  description:
    'The US National Institute of Standards and Technology catalogue of security and privacy controls, used by FedRAMP and many control baselines. This mapping is ours: each 800-53 control lists the cubecape controls whose results are technical evidence for it on a Kubernetes cluster. It covers the technical families (AC, AU, CM, IA, SA, SC, SI); the management and operational families need evidence no scanner can collect.',
  url: 'https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final',
  sections: [
    requirement({
      id: 'AC-2',
      title: 'Account management',
      group: AC,
      evidence: [
        [
          T.USER_IDENTITIES,
          'Shows whether accounts are managed identities that can be reviewed and revoked.',
        ],
        [
          ['rbac-default-service-account', 'non-existent-service-account'],
          'Flags service accounts used by default or referenced without existing.',
        ],
      ],
    }),
    requirement({
      id: 'AC-3',
      title: 'Access enforcement',
      group: AC,
      evidence: [
        [
          T.AUTHORIZATION_CONFIG,
          'Shows that every request passes a real authorizer and admission chain.',
        ],
      ],
    }),
    requirement({
      id: 'AC-4',
      title: 'Information flow enforcement',
      group: AC,
      evidence: [
        [
          T.NETWORK_SEGMENTATION,
          'Network policies are how a cluster enforces which flows are allowed.',
        ],
      ],
    }),
    requirement({
      id: 'AC-6',
      title: 'Least privilege',
      group: AC,
      evidence: [
        [T.RBAC_PRIVILEGE, 'Each flags a subject granted more API access than it needs.'],
        [
          [
            'privileged-container',
            'allow-privilege-escalation',
            'run-as-non-root',
            'added-capabilities',
            'automount-service-account-token',
          ],
          'Each flags a container running with more privilege than it needs.',
        ],
      ],
    }),
    requirement({
      id: 'AC-17',
      title: 'Remote access',
      group: AC,
      evidence: [
        [
          [
            'cloud-control-plane-endpoint-restricted',
            'cloud-private-endpoint',
            'apiserver-anonymous-auth',
            'apiserver-client-ca-file',
          ],
          'Shows who can reach the API server from outside and how they must authenticate.',
        ],
      ],
    }),
    requirement({
      id: 'AU-2',
      title: 'Event logging',
      group: AU,
      evidence: [
        [
          ['apiserver-audit-policy-file', 'host-audit-policy-coverage', 'kubelet-event-qps'],
          'Shows which events are selected for logging.',
        ],
      ],
    }),
    requirement({
      id: 'AU-4',
      title: 'Audit log storage capacity',
      group: AU,
      evidence: [
        [
          ['apiserver-audit-log-maxsize', 'apiserver-audit-log-maxbackup'],
          'Shows how much audit log the API server keeps before discarding.',
        ],
      ],
    }),
    requirement({
      id: 'AU-9',
      title: 'Protection of audit information',
      group: AU,
      evidence: [[['rbac-delete-events'], 'Flags subjects who could delete cluster events.']],
    }),
    requirement({
      id: 'AU-11',
      title: 'Audit record retention',
      group: AU,
      evidence: [
        [
          [
            'apiserver-audit-log-maxage',
            'apiserver-audit-log-maxbackup',
            'manual-managed-audit-logs',
          ],
          'Shows how long audit records are kept.',
        ],
      ],
    }),
    requirement({
      id: 'AU-12',
      title: 'Audit record generation',
      group: AU,
      evidence: [
        [
          ['apiserver-audit-log-path', 'manual-managed-audit-logs'],
          'Shows that the API server, or the managed control plane, generates audit records.',
        ],
      ],
    }),
    requirement({
      id: 'CM-6',
      title: 'Configuration settings',
      group: CM,
      evidence: [
        [
          T.PSS_CHECKS,
          'The Pod Security Standards are a published configuration baseline for pods.',
        ],
        [
          T.NODE_FILE_INTEGRITY,
          'Shows that component configuration files are protected as the baseline requires.',
        ],
      ],
    }),
    requirement({
      id: 'CM-7',
      title: 'Least functionality',
      group: CM,
      evidence: [
        [
          T.UNNEEDED_FUNCTIONALITY,
          'Flags debug endpoints, listeners and features not needed in production.',
        ],
        [
          [
            'host-ports',
            'host-path-volumes',
            'host-namespaces',
            'added-capabilities',
            'sudo-in-entrypoint',
          ],
          'Flags host access and capabilities a workload does not need.',
        ],
      ],
    }),
    requirement({
      id: 'CM-8',
      title: 'System component inventory',
      group: CM,
      evidence: [
        [
          T.INVENTORY,
          'Ownership and application labels make a reliable inventory of workloads possible.',
        ],
      ],
    }),
    requirement({
      id: 'CM-14',
      title: 'Signed components',
      group: CM,
      evidence: [
        [
          ['manual-image-policy-webhook', 'image-digest'],
          'Shows whether image provenance is verified at admission and images are pinned to a content digest.',
        ],
      ],
    }),
    requirement({
      id: 'IA-2',
      title: 'Identification and authentication of users',
      group: IA,
      evidence: [
        [T.AUTHENTICATION, 'Shows that each component authenticates the callers it serves.'],
      ],
    }),
    requirement({
      id: 'IA-3',
      title: 'Device identification and authentication',
      group: IA,
      evidence: [
        [
          [
            'apiserver-kubelet-client-certificate',
            'apiserver-kubelet-certificate-authority',
            'apiserver-node-restriction',
            'etcd-peer-client-cert-auth',
            'apiserver-authorization-node',
          ],
          'Shows that nodes, kubelets and etcd peers prove who they are with certificates.',
        ],
      ],
    }),
    requirement({
      id: 'IA-5',
      title: 'Authenticator management',
      group: IA,
      evidence: [
        [
          [
            'apiserver-token-auth-file',
            'apiserver-extend-token-expiration',
            'apiserver-service-account-key-file',
            'controller-manager-service-account-private-key',
          ],
          'Shows that tokens are short-lived and signed with managed keys, not static.',
        ],
        [
          [
            'kubelet-rotate-certificates',
            'kubelet-rotate-server-certificates',
            'controller-manager-rotate-kubelet-server-certificate',
          ],
          'Shows that certificates are renewed automatically.',
        ],
        [
          ['env-credentials', 'secrets-in-env'],
          'Flags authenticators stored in plain configuration.',
        ],
      ],
    }),
    requirement({
      id: 'SA-22',
      title: 'Unsupported system components',
      group: SA,
      evidence: [[T.UNSUPPORTED_COMPONENTS, 'Flags software and APIs past their end of support.']],
    }),
    requirement({
      id: 'SC-5',
      title: 'Denial-of-service protection',
      group: SC,
      evidence: [[T.RESOURCE_PROTECTION, 'Shows that requests and resource use are bounded.']],
    }),
    requirement({
      id: 'SC-7',
      title: 'Boundary protection',
      group: SC,
      evidence: [
        [T.PERIMETER, 'Shows what the cluster exposes beyond its boundary.'],
        [T.NETWORK_SEGMENTATION, 'Shows internal boundaries between workloads.'],
      ],
    }),
    requirement({
      id: 'SC-8',
      title: 'Transmission confidentiality and integrity',
      group: SC,
      evidence: [
        [T.TRANSPORT_ENCRYPTION, 'Shows that traffic between components and to clients uses TLS.'],
      ],
    }),
    requirement({
      id: 'SC-12',
      title: 'Cryptographic key establishment and management',
      group: SC,
      evidence: [
        [
          [...T.KEY_FILES, 'host-encryption-providers', 'host-external-secret-storage'],
          'Shows that keys are protected on disk and encryption keys can be held in a KMS.',
        ],
      ],
    }),
    requirement({
      id: 'SC-13',
      title: 'Cryptographic protection',
      group: SC,
      evidence: [
        [
          ['apiserver-strong-ciphers', 'kubelet-strong-ciphers', 'host-encryption-providers'],
          'Shows that only strong ciphers protect data in transit and at rest.',
        ],
      ],
    }),
    requirement({
      id: 'SC-28',
      title: 'Protection of information at rest',
      group: SC,
      evidence: [[T.ENCRYPTION_AT_REST, 'Shows that data stored in etcd is encrypted.']],
    }),
    requirement({
      id: 'SC-39',
      title: 'Process isolation',
      group: SC,
      evidence: [
        [T.WORKLOAD_HARDENING, 'Each flags a way a container escapes its isolation from the node.'],
        [T.PSS_CHECKS, 'The same isolation judged as the Pod Security Standards define it.'],
      ],
    }),
    requirement({
      id: 'SI-2',
      title: 'Flaw remediation',
      group: SI,
      evidence: [[T.KNOWN_VULNERABILITIES, 'Flags components with known, fixed vulnerabilities.']],
    }),
    requirement({
      id: 'SI-4',
      title: 'System monitoring',
      group: SI,
      evidence: [[T.AUDIT_LOGGING, 'Audit logs are the raw material for monitoring API activity.']],
    }),
    requirement({
      id: 'SI-7',
      title: 'Software, firmware and information integrity',
      group: SI,
      evidence: [
        [
          [
            'read-only-root-filesystem',
            'image-digest',
            'image-tag-latest',
            'latest-image-pull-policy',
          ],
          'Shows that running software is fixed content that cannot be changed in place.',
        ],
        [
          T.NODE_FILE_INTEGRITY,
          'Shows that component configuration files on nodes are protected from change.',
        ],
      ],
    }),
  ],
});
