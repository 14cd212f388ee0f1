import { SEVERITIES, type Severity } from '../../src/core/severity.js';
import type {
  ReportControl,
  ReportFinding,
  ReportResource,
  ScanReport,
} from '../../src/report/scan-report.js';
import { sampleReport } from './sample-report.js';

/** Payloads that would run script if any text reached the page as markup. */
export const SCRIPT_PAYLOAD = '<script>alert(1)</script>';
export const ATTRIBUTE_PAYLOAD = '"><img src=x onerror=alert(2)>';
export const SINGLE_QUOTE_PAYLOAD = "' onmouseover='alert(3)";
export const CLOSE_SCRIPT_PAYLOAD = '</script><script>alert(4)</script><!--';

const CONTROLS: readonly { id: string; severity: Severity; frameworks: string[] }[] = [
  { id: 'privileged-container', severity: 'critical', frameworks: ['nsa-cisa'] },
  { id: 'host-namespaces', severity: 'high', frameworks: ['nsa-cisa', 'mitre-attack'] },
  { id: 'image-tag', severity: 'medium', frameworks: ['mitre-attack'] },
  { id: 'resource-limits', severity: 'low', frameworks: ['nsa-cisa'] },
  { id: 'liveness-probe', severity: 'info', frameworks: [] },
];

function control(spec: (typeof CONTROLS)[number]): ReportControl {
  return {
    id: spec.id,
    title: `Title of ${spec.id}`,
    description: `Why ${spec.id} matters.`,
    severity: spec.severity,
    frameworks: spec.frameworks,
    aliases: {},
    remediation: `Change the manifest so ${spec.id} passes.\nThen scan again.`,
    status: 'failed',
    counts: { passed: 1, failed: 1, excepted: 0, skipped: 0, error: 0 },
    score: 50,
  };
}

/**
 * A report with `count` findings spread over five controls (one per severity) and
 * `resourceCount` Deployments named `app-<n>`; every tenth finding is excepted.
 */
export function bulkReport(count: number, resourceCount = 50): ScanReport {
  const resources: ReportResource[] = Array.from({ length: resourceCount }, (_, index) => ({
    id: `apps/Deployment/team-${index % 7}/app-${index}`,
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    namespace: `team-${index % 7}`,
    name: `app-${index}`,
    source: { file: `k8s/app-${index}.yaml`, line: 1, column: 1, documentIndex: 0 },
  }));
  const findings: ReportFinding[] = Array.from({ length: count }, (_, index) => {
    const spec = CONTROLS[index % CONTROLS.length]!;
    const resource = index % resourceCount;
    return {
      controlId: spec.id,
      resourceId: `apps/Deployment/team-${resource % 7}/app-${resource}`,
      status: index % 10 === 9 ? 'excepted' : 'failed',
      severity: spec.severity,
      messageId: 'violation',
      message: `Container "c${index}" violates ${spec.id}.`,
      path: ['spec', 'template', 'spec', 'containers', index % 3, 'securityContext'],
      location: { file: `k8s/app-${resource}.yaml`, line: 10 + (index % 40), column: 9 },
      evidence: `value-${index}`,
      ...(index % 10 === 9
        ? { exception: { name: 'accepted', reason: 'Reviewed by security.' } }
        : {}),
    };
  });
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((severity) => [
      severity,
      findings.filter((f) => f.status === 'failed' && f.severity === severity).length,
    ]),
  ) as Record<Severity, number>;
  const base = sampleReport();
  return sampleReport({
    resources,
    controls: CONTROLS.map(control),
    findings,
    frameworks: [
      {
        id: 'nsa-cisa',
        name: 'NSA/CISA Kubernetes Hardening Guidance',
        version: '1.2',
        score: 61.5,
        controls: ['privileged-container', 'host-namespaces', 'resource-limits'],
      },
      {
        id: 'mitre-attack',
        name: 'MITRE ATT&CK for Containers',
        version: '1',
        score: 93.2,
        controls: ['host-namespaces', 'image-tag'],
      },
    ],
    summary: {
      ...base.summary,
      resources: resourceCount,
      controls: CONTROLS.length,
      failed: findings.filter((f) => f.status === 'failed').length,
      bySeverity,
      score: 70.4,
    },
    errors: [],
  });
}

/** The sample report with script payloads in every free-text field a user could control. */
export function hostileReport(): ScanReport {
  const base = sampleReport();
  const evil = `${SCRIPT_PAYLOAD}${ATTRIBUTE_PAYLOAD}${SINGLE_QUOTE_PAYLOAD}${CLOSE_SCRIPT_PAYLOAD}`;
  const [first, ...rest] = base.resources;
  return sampleReport({
    tool: { name: 'cubecape', version: `0.1.0${ATTRIBUTE_PAYLOAD}` },
    scannedAt: `2025-03-14${SCRIPT_PAYLOAD}`,
    inputs: [{ type: 'file', target: `deploy/${ATTRIBUTE_PAYLOAD}` }],
    resources: [{ ...first!, name: `web${SCRIPT_PAYLOAD}` }, ...rest],
    controls: base.controls.map((c) => ({
      ...c,
      id: c.id === 'image-tag' ? `image-tag${CLOSE_SCRIPT_PAYLOAD}` : c.id,
      title: `${c.title}${ATTRIBUTE_PAYLOAD}`,
      remediation: `${c.remediation}${SCRIPT_PAYLOAD}`,
      frameworks: c.frameworks.map((id) => `${id}${SINGLE_QUOTE_PAYLOAD}`),
      ...(c.skipReason === undefined ? {} : { skipReason: `${c.skipReason}${evil}` }),
    })),
    findings: base.findings.map((f) => ({
      ...f,
      controlId: f.controlId === 'image-tag' ? `image-tag${CLOSE_SCRIPT_PAYLOAD}` : f.controlId,
      message: `${f.message}${evil}`,
      ...(f.location === undefined
        ? {}
        : { location: { ...f.location, file: `${f.location.file}${ATTRIBUTE_PAYLOAD}` } }),
      evidence: `${f.evidence ?? ''}${evil}`,
      path: [...f.path, ATTRIBUTE_PAYLOAD],
      ...(f.exception === undefined
        ? {}
        : { exception: { ...f.exception, reason: `${f.exception.reason}${evil}` } }),
    })),
    frameworks: base.frameworks.map((fw) => ({ ...fw, name: `${fw.name}${evil}` })),
    errors: base.errors.map((e) => ({ ...e, code: `${e.code}${SCRIPT_PAYLOAD}`, message: evil })),
  });
}
