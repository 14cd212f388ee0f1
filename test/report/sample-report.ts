import type { ScanReport } from '../../src/report/scan-report.js';

/** An ANSI sequence that would clear the screen and recolour text if it reached a terminal raw. */
export const ANSI_ATTACK = '\x1b[2J\x1b[31mpwned\x1b[0m';
/** Text an XML/HTML format must escape. */
export const MARKUP_ATTACK = `<script>alert("x&y")</script> ]]> 'quoted'`;
/** A right-to-left override that would reorder what is displayed (Trojan Source). */
export const BIDI_ATTACK = 'safe\u202Eexe.yaml';
/** A value long enough to need cutting: 5,000 characters. */
export const LONG_VALUE = `${'A'.repeat(4_000)}${'日本語'.repeat(200)}${'🔥'.repeat(200)}`;

/**
 * A hand-built ScanReport with every field in use and hostile text in every free-text field:
 * markup, quotes, non-ASCII, emoji, ANSI escapes, bidirectional overrides and a very long value.
 * Reused by other formatters' tests; pass `overrides` for variants.
 */
export function sampleReport(overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    apiVersion: 'cubecape.io/v1alpha2',
    kind: 'ScanReport',
    tool: { name: 'cubecape', version: '0.1.0' },
    scannedAt: '2025-03-14T09:26:53.589Z',
    durationMs: 42,
    inputs: [
      { type: 'file', target: 'deploy/' },
      { type: 'stdin', target: '-' },
      { type: 'snapshot', target: 'cluster.json', unreadable: ['forbidden: cannot list secrets'] },
    ],
    resources: [
      {
        id: 'apps/Deployment/prod/web',
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace: 'prod',
        name: 'web',
        source: { file: 'deploy/web.yaml', line: 1, column: 1, documentIndex: 0 },
      },
      {
        id: 'core/Pod/prod/日本語-🚀',
        apiVersion: 'v1',
        kind: 'Pod',
        namespace: 'prod',
        name: '日本語-🚀',
        source: { file: 'deploy/pod <&>.yaml', line: 3, column: 1, documentIndex: 1 },
      },
      {
        id: 'rbac.authorization.k8s.io/ClusterRole//admin',
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        name: `admin${ANSI_ATTACK}`,
        source: { file: '-', line: 1, column: 1, documentIndex: 0 },
      },
      {
        id: 'core/Service/prod/web',
        apiVersion: 'v1',
        kind: 'Service',
        namespace: 'prod',
        name: 'web',
      },
    ],
    controls: [
      {
        id: 'privileged-container',
        title: 'Privileged container',
        description: 'A privileged container can do almost anything the host kernel allows.',
        severity: 'critical',
        frameworks: ['nsa-cisa', 'pss-baseline'],
        aliases: { kubescape: ['C-0057'], checkov: ['CKV_K8S_16'], pss: ['privileged'] },
        remediation:
          'Set securityContext.privileged to false or remove it.\nSecond line is not shown.',
        status: 'failed',
        counts: { passed: 1, failed: 1, excepted: 0, skipped: 0, error: 0 },
        score: 50,
      },
      {
        id: 'image-tag',
        title: `Image without a pinned tag <latest> & "friends"`,
        description: 'Mutable tags make deployments irreproducible.',
        severity: 'medium',
        frameworks: ['nsa-cisa'],
        aliases: {},
        remediation: 'Pin the image to a version tag or digest.',
        status: 'failed',
        counts: { passed: 0, failed: 2, excepted: 1, skipped: 0, error: 0 },
        score: 33.3,
      },
      {
        id: 'wildcard-rbac',
        title: 'Wildcard in RBAC rules',
        description: 'Wildcards grant every present and future permission.',
        severity: 'high',
        frameworks: ['cis-1.9'],
        aliases: { cis: ['5.1.3'] },
        remediation: 'List the verbs and resources the role needs.',
        status: 'failed',
        counts: { passed: 0, failed: 1, excepted: 0, skipped: 0, error: 0 },
        score: 0,
      },
      {
        id: 'node-kernel-params',
        title: 'Node kernel parameters',
        description: 'Needs node data.',
        severity: 'low',
        frameworks: [],
        aliases: {},
        remediation: 'Run against a live cluster.',
        status: 'skipped',
        skipReason: 'needs a live cluster',
        counts: { passed: 0, failed: 0, excepted: 0, skipped: 4, error: 0 },
      },
    ],
    findings: [
      {
        controlId: 'image-tag',
        resourceId: 'apps/Deployment/prod/web',
        status: 'failed',
        severity: 'medium',
        messageId: 'latest',
        message: `Container "web" uses image tag <latest> & it is mutable ]]>`,
        path: ['spec', 'template', 'spec', 'containers', 0, 'image'],
        location: { file: 'deploy/web.yaml', line: 20, column: 18 },
        evidence: 'nginx:latest',
        fix: [
          {
            op: 'set',
            path: ['spec', 'template', 'spec', 'containers', 0, 'image'],
            value: 'nginx:1.27.0',
          },
        ],
      },
      {
        controlId: 'privileged-container',
        resourceId: 'apps/Deployment/prod/web',
        status: 'failed',
        severity: 'critical',
        messageId: 'privileged',
        message: 'Container "web" runs privileged.',
        path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'],
        location: { file: 'deploy/web.yaml', line: 24, column: 13 },
        evidence: 'true',
        baseline: 'new',
        fix: [
          {
            op: 'remove',
            path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'],
          },
        ],
      },
      {
        controlId: 'image-tag',
        resourceId: 'core/Pod/prod/日本語-🚀',
        status: 'failed',
        severity: 'medium',
        messageId: 'missing',
        message: `Container "日本語 🔥" has no tag ${BIDI_ATTACK}`,
        path: ['spec', 'containers', 0, 'image'],
        location: { file: 'deploy/pod <&>.yaml', line: 9, column: 14 },
        evidence: LONG_VALUE,
      },
      {
        controlId: 'wildcard-rbac',
        resourceId: 'rbac.authorization.k8s.io/ClusterRole//admin',
        status: 'failed',
        severity: 'high',
        messageId: 'wildcard',
        message: `Rule grants every verb ${ANSI_ATTACK}`,
        path: ['rules', 0, 'verbs', 0],
        location: { file: '-', line: 7, column: 12 },
        evidence: `*${ANSI_ATTACK}\r\nsecond line\ttab\x07\x9b31m`,
        baseline: 'existing',
      },
      {
        controlId: 'image-tag',
        resourceId: 'core/Service/prod/web',
        status: 'excepted',
        severity: 'medium',
        messageId: 'latest',
        message: 'Accepted: vendor image.',
        path: ['spec'],
        exception: {
          name: 'vendor-images',
          reason: `Vendor ships only "latest" <sigh> & we track it`,
          owner: 'team-platform',
          ticket: 'OPS-1234',
          expires: '2025-12-31',
        },
      },
      {
        controlId: 'node-kernel-params',
        resourceId: 'apps/Deployment/prod/web',
        status: 'skipped',
        severity: 'low',
        messageId: 'skipped',
        message: 'needs a live cluster',
        path: [],
      },
    ],
    frameworks: [
      {
        id: 'nsa-cisa',
        name: 'NSA/CISA Kubernetes Hardening Guidance',
        version: '1.2',
        score: 72.4,
        complianceScore: 75,
        controls: ['privileged-container', 'image-tag'],
      },
      {
        id: 'cis-1.9',
        name: 'CIS Kubernetes Benchmark',
        version: '1.9.0',
        score: 0,
        complianceScore: 0,
        controls: ['wildcard-rbac'],
      },
      { id: 'empty-fw', name: 'Nothing judged', version: '0', controls: [] },
    ],
    summary: {
      resources: 4,
      controls: 4,
      passed: 1,
      failed: 4,
      excepted: 1,
      skipped: 4,
      errors: 0,
      bySeverity: { critical: 1, high: 1, medium: 2, low: 0, info: 0 },
      score: 41.7,
      complianceScore: 50,
      baseline: { new: 1, existing: 1, resolved: 2 },
      vulnerabilities: {
        total: 2,
        suppressed: 1,
        bySeverity: { critical: 0, high: 1, medium: 0, low: 0, info: 0, unknown: 0 },
        fixable: 1,
      },
    },
    errors: [
      {
        code: 'YAML_SYNTAX',
        message: `unexpected end of flow sequence ${ANSI_ATTACK}`,
        file: 'deploy/broken.yaml',
        line: 3,
        column: 7,
        severity: 'error',
      },
      {
        code: 'NOT_KUBERNETES',
        message: 'document has no apiVersion or kind; skipped',
        file: 'deploy/values.yaml',
        line: 1,
        column: 1,
        severity: 'warning',
      },
    ],
    vulnerabilities: [
      {
        id: 'CVE-2021-23337',
        aliases: ['GHSA-35jh-r3h4-6jhm'],
        package: {
          name: 'lodash',
          version: '4.17.20',
          ecosystem: 'npm',
          purl: 'pkg:npm/lodash@4.17.20',
        },
        status: 'affected',
        severity: 'high',
        cvss: {
          version: '3.1',
          vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
          score: 7.2,
        },
        fixedVersions: ['4.17.21'],
        summary: `Command injection in <template> & "${ANSI_ATTACK}"`,
        locations: [{ path: '/app/package-lock.json', layer: `sha256:${'a'.repeat(64)}` }],
        image: 'registry.example.com/shop/web:1.4',
        workloads: ['apps/Deployment/prod/web'],
      },
      {
        id: 'GHSA-xxxx-yyyy-zzzz',
        aliases: [],
        package: { name: 'left-pad', version: '1.0.0', ecosystem: 'npm' },
        status: 'suppressed',
        severity: 'unknown',
        fixedVersions: [],
        locations: [{ path: '/app/package-lock.json' }],
        suppression: {
          source: 'vex',
          status: 'not_affected',
          justification: 'vulnerable_code_not_in_execute_path',
          statement: 'never called',
          document: 'vex.json',
        },
      },
    ],
    ...overrides,
  };
}

/** A report of a clean scan: resources, controls, nothing failed, no errors. */
export function cleanReport(): ScanReport {
  const base = sampleReport();
  return sampleReport({
    controls: base.controls.map((control) => ({
      ...control,
      status: 'passed',
      counts: { passed: 2, failed: 0, excepted: 0, skipped: 0, error: 0 },
      score: 100,
    })),
    findings: [],
    frameworks: base.frameworks.map((framework) => ({
      ...framework,
      score: 100,
      complianceScore: 100,
    })),
    summary: {
      resources: 4,
      controls: 4,
      passed: 8,
      failed: 0,
      excepted: 0,
      skipped: 0,
      errors: 0,
      bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      score: 100,
      complianceScore: 100,
    },
    errors: [],
  });
}

/** A report where nothing could be read: only input errors. */
export function errorsOnlyReport(): ScanReport {
  return sampleReport({
    inputs: [{ type: 'file', target: 'broken.yaml' }],
    resources: [],
    controls: [],
    findings: [],
    frameworks: [],
    summary: {
      resources: 0,
      controls: 0,
      passed: 0,
      failed: 0,
      excepted: 0,
      skipped: 0,
      errors: 0,
      bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    },
    errors: [
      {
        code: 'YAML_SYNTAX',
        message: 'bad indentation of a mapping entry',
        file: 'broken.yaml',
        line: 4,
        column: 3,
        severity: 'error',
      },
      {
        code: 'FILE_TOO_LARGE',
        message: 'file is 40 MiB; the limit is 32 MiB (--max-file-size)',
        file: 'huge.yaml',
        severity: 'error',
      },
    ],
  });
}
