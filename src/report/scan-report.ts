import type { Severity } from '../core/severity.js';
import type { ControlAliases } from '../controls/define.js';

/**
 * Version of the ScanReport contract; bump on breaking changes (docs/report-schema.json,
 * docs/formats.md#changes). v1alpha2: findings no longer repeat their control's remediation.
 */
export const REPORT_API_VERSION = 'cubecape.io/v1alpha2';

/**
 * Report versions `--baseline` and `cubecape diff` read: what they compare (resources, findings'
 * ids, paths and statuses) is the same in each.
 */
export const READABLE_REPORT_API_VERSIONS: readonly string[] = [
  'cubecape.io/v1alpha1',
  REPORT_API_VERSION,
];

export type InputType =
  | 'file'
  | 'stdin'
  | 'helm'
  | 'kustomize'
  | 'cluster'
  | 'snapshot'
  | 'admission'
  | 'image'
  | 'sbom'
  | 'dir';

export interface ReportInput {
  readonly type: InputType;
  readonly target: string;
  /**
   * Cluster and snapshot inputs: what could not be read (`forbidden: cannot list secrets`);
   * image inputs of `scan --images`: why the image could not be pulled or read.
   */
  readonly unreadable?: readonly string[];
}

export interface ReportLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface ReportResource {
  readonly id: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly source?: ReportLocation & { readonly documentIndex: number };
}

export type ControlStatus =
  'passed' | 'failed' | 'skipped' | 'error' | 'excepted' | 'not-applicable';

export interface ControlCounts {
  readonly passed: number;
  readonly failed: number;
  readonly excepted: number;
  readonly skipped: number;
  readonly error: number;
}

export interface ReportControl {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly frameworks: readonly string[];
  readonly aliases: ControlAliases;
  readonly remediation: string;
  readonly status: ControlStatus;
  /** Why the whole control was skipped, when it was. */
  readonly skipReason?: string;
  readonly counts: ControlCounts;
  /** 0–100: share of matched resources that passed; absent when none was judged. */
  readonly score?: number;
}

export type FindingStatus = 'failed' | 'excepted' | 'skipped' | 'error';

export interface ReportException {
  readonly name: string;
  readonly reason: string;
  readonly owner?: string;
  readonly ticket?: string;
  readonly expires?: string;
}

/** Whether a violation was already in the baseline report (`--baseline`). */
export type BaselineStatus = 'new' | 'existing';

export interface ReportFinding {
  readonly controlId: string;
  readonly resourceId: string;
  readonly status: FindingStatus;
  readonly severity: Severity;
  readonly messageId: string;
  readonly message: string;
  /** JSON path segments inside the resource's object. */
  readonly path: readonly (string | number)[];
  readonly location?: ReportLocation;
  readonly evidence?: string;
  readonly fix?: readonly {
    readonly op: 'set' | 'remove';
    readonly path: readonly (string | number)[];
    readonly value?: unknown;
  }[];
  readonly exception?: ReportException;
  /** Set on failed findings when the scan had a baseline. */
  readonly baseline?: BaselineStatus;
}

export interface ReportFramework {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  /** 0–100, severity-weighted share of passed (resource, control) pairs; absent if none judged. */
  readonly score?: number;
  /** 0–100, unweighted mean of the scores of its controls that judged something; absent if none. */
  readonly complianceScore?: number;
  readonly controls: readonly string[];
}

export type BySeverity = Readonly<Record<Severity, number>>;

export interface ReportSummary {
  readonly resources: number;
  readonly controls: number;
  readonly passed: number;
  readonly failed: number;
  readonly excepted: number;
  readonly skipped: number;
  readonly errors: number;
  /** Failed findings by severity. */
  readonly bySeverity: BySeverity;
  /** Severity-weighted score over every control that ran (docs/formats.md, Scores). */
  readonly score?: number;
  /** Unweighted mean of the scores of every control that judged something. */
  readonly complianceScore?: number;
  /** Present when the scan had a baseline (`--baseline`). */
  readonly baseline?: BaselineSummary;
  /** Present when the report has vulnerability findings (`cubecape vuln`, `scan --images`). */
  readonly vulnerabilities?: VulnerabilitySummary;
}

/** Failed findings compared with a baseline report. */
export interface BaselineSummary {
  /** Failed findings that were not in the baseline. */
  readonly new: number;
  /** Failed findings that were already in the baseline (failed or excepted there). */
  readonly existing: number;
  /** Baseline violations (failed or excepted) with no counterpart in this scan. */
  readonly resolved: number;
}

export interface ReportError {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** For skipped documents and controls: not an error, recorded for transparency. */
  readonly severity: 'error' | 'warning';
}

/** A CVSS vector cubecape scored itself. */
export interface ReportCvss {
  readonly version: '3.0' | '3.1' | '4.0';
  readonly vector: string;
  readonly score: number;
}

/** Why a vulnerability finding is not counted: an accepted VEX statement. */
export interface ReportSuppression {
  readonly source: 'vex';
  readonly status: 'not_affected' | 'fixed';
  readonly justification?: string;
  readonly statement?: string;
  /** The VEX document (file) the statement came from. */
  readonly document: string;
}

/** One vulnerability affecting one installed package (`cubecape vuln`, docs/vulnerabilities.md). */
export interface ReportVulnerability {
  /** A CVE when one is known, else a GHSA, else the database's own id. */
  readonly id: string;
  readonly aliases: readonly string[];
  readonly package: {
    readonly name: string;
    readonly version: string;
    readonly ecosystem: string;
    readonly purl?: string;
  };
  /** `unknown` when the advisory data could not decide; `suppressed` by a VEX statement. */
  readonly status: 'affected' | 'unknown' | 'suppressed';
  /** `unknown` when no advisory gives a severity. */
  readonly severity: Severity | 'unknown';
  readonly cvss?: ReportCvss;
  readonly fixedVersions: readonly string[];
  readonly summary?: string;
  /** Where the package was found: file inside the target and, for images, the layer diff id. */
  readonly locations: readonly { readonly path: string; readonly layer?: string }[];
  readonly suppression?: ReportSuppression;
  /** `cubecape scan --images`: the image (as the workloads reference it) the package is in. */
  readonly image?: string;
  /** `cubecape scan --images`: ids of the scanned workloads whose containers run {@link image}. */
  readonly workloads?: readonly string[];
}

/** Counts of vulnerability findings (present when the report has a `vulnerabilities` array). */
export interface VulnerabilitySummary {
  readonly total: number;
  readonly suppressed: number;
  /** Unsuppressed findings by severity (`unknown` for findings without one). */
  readonly bySeverity: Readonly<Record<Severity | 'unknown', number>>;
  readonly fixable: number;
}

export interface ScanReport {
  readonly apiVersion: typeof REPORT_API_VERSION;
  readonly kind: 'ScanReport';
  readonly tool: { readonly name: 'cubecape'; readonly version: string };
  readonly scannedAt: string;
  readonly durationMs: number;
  readonly inputs: readonly ReportInput[];
  readonly resources: readonly ReportResource[];
  readonly controls: readonly ReportControl[];
  readonly findings: readonly ReportFinding[];
  readonly frameworks: readonly ReportFramework[];
  readonly summary: ReportSummary;
  readonly errors: readonly ReportError[];
  /** Vulnerability findings of image, directory and SBOM targets (`cubecape vuln`, `scan --images`). */
  readonly vulnerabilities?: readonly ReportVulnerability[];
}
