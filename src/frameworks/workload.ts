import { defineFramework } from './define.js';
import { requirement } from './mapping.js';
import * as T from './themes.js';

/**
 * Every control that judges workloads and other application manifests, by theme. Together with
 * `cluster` it partitions the built-in controls (a test checks it).
 */
export default defineFramework({
  id: 'workload',
  name: 'Workload and manifest controls',
  version: '1',
  description:
    'A convenience selection: every control that judges what application teams write (pods and their controllers, Services, Ingresses, policies, autoscalers), as opposed to how the cluster itself is built. Use it to scan manifests in CI; the cluster controls it leaves out need a live cluster, node or cloud data anyway.',
  convenience: true,
  sections: [
    requirement({
      id: 'pod-security',
      title: 'Pod and container hardening',
      evidence: [
        [T.WORKLOAD_HARDENING, 'Judges the security context and host access of each pod.'],
      ],
    }),
    requirement({
      id: 'pod-security-standards',
      title: 'Pod Security Standards checks',
      evidence: [[T.PSS_CHECKS, 'Judges each pod as the pod-security admission plugin would.']],
    }),
    requirement({
      id: 'credentials',
      title: 'Credentials and service account tokens',
      evidence: [
        [
          [
            'env-credentials',
            'secrets-in-env',
            'cloud-credentials-mount',
            'automount-service-account-token',
          ],
          'Judges how a workload receives credentials.',
        ],
      ],
    }),
    requirement({
      id: 'exposure-and-access',
      title: 'Exposure and what a compromised pod reaches',
      evidence: [
        [
          [
            'external-facing-workload',
            'exposed-sensitive-interface',
            'ssh-service-port',
            'load-balancer-tls',
            'workload-rbac-token',
            'workload-cluster-takeover-roles',
            'workload-admin-roles',
            'workload-mounted-data',
            'agent-sandbox-hardening',
          ],
          'Judges how traffic reaches a workload and what its token, volumes and sandbox give an attacker who gets in.',
        ],
      ],
    }),
    requirement({
      id: 'network',
      title: 'Network policies and ingress',
      evidence: [
        [
          ['network-policy-isolation', 'namespace-network-policy', 'ingress-tls'],
          'Judges the policies and ingress objects that decide what reaches a workload.',
        ],
      ],
    }),
    requirement({
      id: 'images',
      title: 'Images and known-vulnerable software',
      evidence: [
        [
          [
            'image-tag-latest',
            'latest-image-pull-policy',
            'image-digest',
            'allowed-registries',
            'forbidden-registries',
            'deprecated-image-registry',
            'cve-2022-24348-argocd',
            'cve-2022-39328-grafana',
            'cve-2022-47633-kyverno',
            'ingress-nginx-end-of-life',
            'cve-2021-25742-ingress-nginx',
          ],
          'Judges the images a workload runs.',
        ],
      ],
    }),
    requirement({
      id: 'resources',
      title: 'Requests and limits',
      evidence: [
        [
          ['resource-limits', 'resource-requests'],
          'Judges the resources each container asks for and may use.',
        ],
      ],
    }),
    requirement({
      id: 'reliability',
      title: 'Health checks, rollouts and disruptions',
      evidence: [[T.RESILIENCE, 'Judges how a workload is kept available.']],
    }),
    requirement({
      id: 'references',
      title: 'References between objects',
      evidence: [[T.BROKEN_REFERENCES, 'Judges whether objects point at things that exist.']],
    }),
    requirement({
      id: 'hygiene',
      title: 'Manifest hygiene and API versions',
      evidence: [
        [
          [...T.MANIFEST_HYGIENE, 'deprecated-api-version'],
          'Judges labels, namespaces and API versions of manifests.',
        ],
      ],
    }),
  ],
});
