import { defineFramework } from './define.js';
import { requirement } from './mapping.js';
import * as T from './themes.js';

const ADMIN = '164.308 Administrative safeguards';
const PHYSICAL = '164.310 Physical safeguards';
const TECH = '164.312 Technical safeguards';

/** The HIPAA Security Rule: the safeguards for which cluster configuration is evidence. */
export default defineFramework({
  id: 'hipaa',
  name: 'HIPAA Security Rule',
  version: '45 CFR Part 164 Subpart C',
  description:
    'The US Health Insurance Portability and Accountability Act Security Rule, which requires administrative, physical and technical safeguards for electronic protected health information (ePHI). This mapping is ours: each safeguard lists the controls whose results support it for a cluster that handles ePHI. Most administrative and all physical safeguards need evidence no scanner can collect.',
  url: 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C',
  sections: [
    requirement({
      id: '164.308(a)(1)(ii)(A)',
      title: 'Risk analysis, workforce security, training and contingency planning',
      group: ADMIN,
      notCovered:
        'Organisational safeguards: a scan result can feed a risk analysis but cannot show one was done.',
    }),
    requirement({
      id: '164.308(a)(1)(ii)(D)',
      title: 'Information system activity review',
      group: ADMIN,
      evidence: [
        [
          [...T.AUDIT_LOGGING, ...T.AUDIT_RETENTION],
          'Shows that the records an activity review needs are produced and kept.',
        ],
      ],
    }),
    requirement({
      id: '164.308(a)(4)(ii)(B)',
      title: 'Access authorisation',
      group: ADMIN,
      evidence: [
        [
          T.AUTHORIZATION_CONFIG,
          'Shows that access is granted through enforced authorization, not by default.',
        ],
        [T.RBAC_PRIVILEGE, 'Each flags access granted more widely than needed.'],
      ],
    }),
    requirement({
      id: '164.308(a)(5)(ii)(B)',
      title: 'Protection from malicious software',
      group: ADMIN,
      evidence: [
        [T.IMAGE_PROVENANCE, 'Shows that only approved, pinned images can run.'],
        [T.KNOWN_VULNERABILITIES, 'Flags software with known exploitable flaws.'],
      ],
    }),
    requirement({
      id: '164.308(a)(5)(ii)(D)',
      title: 'Password management',
      group: ADMIN,
      evidence: [
        [
          [
            'env-credentials',
            'secrets-in-env',
            'apiserver-token-auth-file',
            'cloud-credentials-mount',
          ],
          'Flags passwords and tokens kept in plain configuration or static files.',
        ],
      ],
    }),
    requirement({
      id: '164.310',
      title: 'Facility, workstation and device safeguards',
      group: PHYSICAL,
      notCovered: 'Physical safeguards are outside what cluster configuration can show.',
    }),
    requirement({
      id: '164.312(a)(1)',
      title: 'Access control',
      group: TECH,
      evidence: [
        [T.AUTHORIZATION_CONFIG, 'Shows that every request is authorized.'],
        [
          T.RBAC_PRIVILEGE,
          'Each flags access to the cluster, and so to ePHI in it, granted too widely.',
        ],
        [
          T.NETWORK_SEGMENTATION,
          'Shows that workloads holding ePHI are reachable only as policy allows.',
        ],
      ],
    }),
    requirement({
      id: '164.312(a)(2)(i)',
      title: 'Unique user identification',
      group: TECH,
      evidence: [
        [
          T.USER_IDENTITIES,
          'Shows whether people use individual identities rather than shared credentials.',
        ],
      ],
    }),
    requirement({
      id: '164.312(a)(2)(iii)',
      title: 'Automatic logoff',
      group: TECH,
      evidence: [
        [
          ['kubelet-streaming-idle-timeout', 'apiserver-extend-token-expiration'],
          'Shows that idle exec and attach sessions end and service account tokens expire.',
        ],
      ],
    }),
    requirement({
      id: '164.312(a)(2)(iv)',
      title: 'Encryption and decryption',
      group: TECH,
      evidence: [[T.ENCRYPTION_AT_REST, 'Shows that data stored by the cluster is encrypted.']],
    }),
    requirement({
      id: '164.312(b)',
      title: 'Audit controls',
      group: TECH,
      evidence: [
        [
          [...T.AUDIT_LOGGING, ...T.AUDIT_RETENTION],
          'Shows that API activity is recorded and retained.',
        ],
        [['rbac-delete-events'], 'Flags subjects who could erase the event trail.'],
      ],
    }),
    requirement({
      id: '164.312(c)(1)',
      title: 'Integrity',
      group: TECH,
      evidence: [
        [
          ['read-only-root-filesystem', 'image-digest', 'image-tag-latest'],
          'Shows that running software cannot be altered in place or swapped under a tag.',
        ],
        [
          T.NODE_FILE_INTEGRITY,
          'Shows that component configuration on nodes is protected from change.',
        ],
        [
          T.WORKLOAD_HARDENING,
          'Shows that a compromised container cannot alter its node or other workloads.',
        ],
      ],
    }),
    requirement({
      id: '164.312(d)',
      title: 'Person or entity authentication',
      group: TECH,
      evidence: [
        [T.AUTHENTICATION, 'Shows that each component verifies who is calling.'],
        [
          ['rbac-anonymous-access', 'rbac-authenticated-group'],
          'Flags access granted without a verified identity.',
        ],
      ],
    }),
    requirement({
      id: '164.312(e)(1)',
      title: 'Transmission security',
      group: TECH,
      evidence: [
        [
          [...T.TRANSPORT_ENCRYPTION, ...T.CRYPTO_STRENGTH],
          'Shows that data in transit is encrypted with strong, current TLS.',
        ],
      ],
    }),
  ],
});
