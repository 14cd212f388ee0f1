import { SEVERITIES, severityRank, type Severity } from '../core/severity.js';
import type { Inventory, Package } from '../vuln/inventory/types.js';
import type { VulnFinding } from '../vuln/match/index.js';
import {
  REPORT_API_VERSION,
  type InputType,
  type ReportCvss,
  type ReportError,
  type ReportVulnerability,
  type ScanReport,
  type VulnerabilitySummary,
} from './scan-report.js';

/** The ScanReport input type of a vulnerability target. */
export function inputTypeOf(inventory: Inventory): InputType {
  if (inventory.target.kind === 'sbom') return 'sbom';
  if (inventory.target.kind === 'dir') return 'dir';
  return 'image';
}

/** The vector the severity was rated from (v3 preferred, as severityOf does). */
function cvssOf(finding: VulnFinding): ReportCvss | undefined {
  let best: ReportCvss | undefined;
  const scoredV3 = finding.severity.vectors.some(
    (v) => v.type === 'CVSS_V3' && v.score !== undefined,
  );
  for (const scored of finding.severity.vectors) {
    if (scored.score === undefined || (scoredV3 && scored.type !== 'CVSS_V3')) continue;
    const version = /^CVSS:(3\.0|3\.1|4\.0)\//.exec(scored.vector)?.[1];
    if (version !== '3.0' && version !== '3.1' && version !== '4.0') continue;
    if (best === undefined || scored.score > best.score)
      best = { version, vector: scored.vector, score: scored.score };
  }
  return best;
}

/**
 * Turns matcher findings into report entries, with the locations of the packages they were
 * found in (matched by purl), sorted by severity (worst first), then id and package.
 */
export function toReportVulnerabilities(
  findings: readonly VulnFinding[],
  packages: readonly Package[],
): ReportVulnerability[] {
  const byPurl = new Map<string, Package[]>();
  for (const pkg of packages) byPurl.set(pkg.purl, [...(byPurl.get(pkg.purl) ?? []), pkg]);
  const result = findings.map((finding): ReportVulnerability => {
    const purl = finding.package.purl;
    const owners = purl === undefined ? [] : (byPurl.get(purl) ?? []);
    const owner = owners[0];
    const cvss = cvssOf(finding);
    return {
      id: finding.id,
      aliases: finding.aliases,
      package: {
        name: owner?.name ?? finding.package.name,
        version: owner?.version ?? finding.package.version,
        ecosystem: finding.package.ecosystem,
        ...(purl === undefined ? {} : { purl }),
      },
      status: finding.status,
      severity: finding.severity.severity ?? 'unknown',
      ...(cvss === undefined ? {} : { cvss }),
      fixedVersions: finding.fixedVersions,
      ...(finding.summary === undefined ? {} : { summary: finding.summary }),
      locations: owners.flatMap((p) => p.locations),
    };
  });
  return result.sort(compareVulnerabilities);
}

const rank = (s: Severity | 'unknown'): number => (s === 'unknown' ? -1 : severityRank(s));

/** Worst severity first, then id, then package name. */
export function compareVulnerabilities(a: ReportVulnerability, b: ReportVulnerability): number {
  return (
    rank(b.severity) - rank(a.severity) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
    (a.package.name < b.package.name ? -1 : a.package.name > b.package.name ? 1 : 0)
  );
}

/** Counts of a set of vulnerability findings. */
export function summarizeVulnerabilities(
  vulns: readonly ReportVulnerability[],
): VulnerabilitySummary {
  const bySeverity = Object.fromEntries([...SEVERITIES, 'unknown'].map((s) => [s, 0])) as Record<
    Severity | 'unknown',
    number
  >;
  let suppressed = 0;
  let fixable = 0;
  for (const vuln of vulns) {
    if (vuln.status === 'suppressed') {
      suppressed++;
      continue;
    }
    bySeverity[vuln.severity]++;
    if (vuln.fixedVersions.length > 0) fixable++;
  }
  return { total: vulns.length, suppressed, bySeverity, fixable };
}

/** What {@link buildVulnReport} needs. */
export interface VulnReportInput {
  readonly toolVersion: string;
  readonly scannedAt: Date;
  readonly durationMs: number;
  readonly inventory: Inventory;
  readonly vulnerabilities: readonly ReportVulnerability[];
  readonly errors: readonly ReportError[];
}

/**
 * A ScanReport for a vulnerability scan: no Kubernetes resources or controls, the target under
 * `inputs`, the findings under `vulnerabilities` and their counts under `summary.vulnerabilities`.
 */
export function buildVulnReport(input: VulnReportInput): ScanReport {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const target = input.inventory.target;
  return {
    apiVersion: REPORT_API_VERSION,
    kind: 'ScanReport',
    tool: { name: 'cubecape', version: input.toolVersion },
    scannedAt: input.scannedAt.toISOString(),
    durationMs: input.durationMs,
    inputs: [{ type: inputTypeOf(input.inventory), target: target.ref }],
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
      errors: input.errors.filter((e) => e.severity === 'error').length,
      bySeverity,
      vulnerabilities: summarizeVulnerabilities(input.vulnerabilities),
    },
    errors: input.errors,
    vulnerabilities: input.vulnerabilities,
  };
}
