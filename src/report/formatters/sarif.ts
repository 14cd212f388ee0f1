import { toJsonPointer } from '../../core/json-path.js';
import type {
  ReportError,
  ReportException,
  ReportFinding,
  ReportLocation,
  ReportResource,
  ScanReport,
} from '../scan-report.js';
import { artifactPath, fileUri, relativeUri } from './artifact-path.js';
import { findingFingerprint } from './finding-identity.js';
import {
  createView,
  findingOrder,
  findingPosition,
  remediationOfFailed,
  type View,
} from './pretty-view.js';
import { SARIF_LEVEL, sarifRule } from './sarif-rules.js';
import type { FormatContext } from './types.js';

/** The base that relative artifact URIs resolve against: the repository checkout. */
const SRCROOT = '%SRCROOT%';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Key of cubecape's fingerprint in `partialFingerprints`; bump the version if it changes. */
export const FINGERPRINT_KEY = 'cubecape/v1';

type Json = Record<string, unknown>;

/** `artifactLocation` of a file, or undefined for standard input (no artifact to point at). */
function artifactLocation(file: string, cwd: string | undefined): Json | undefined {
  const path = artifactPath(file, cwd);
  if (path?.relative !== undefined) return { uri: relativeUri(path.relative), uriBaseId: SRCROOT };
  if (path?.absolute !== undefined) return { uri: fileUri(path.absolute) };
  return undefined;
}

function physicalLocation(
  location: Partial<ReportLocation>,
  cwd: string | undefined,
): Json | undefined {
  if (location.file === undefined) return undefined;
  const artifact = artifactLocation(location.file, cwd);
  if (artifact === undefined) return undefined;
  const region: Json = {};
  if (location.line !== undefined && location.line >= 1) {
    region['startLine'] = location.line;
    if (location.column !== undefined && location.column >= 1)
      region['startColumn'] = location.column;
  }
  return Object.keys(region).length === 0
    ? { artifactLocation: artifact }
    : { artifactLocation: artifact, region };
}

function logicalLocation(resourceId: string, resource: ReportResource | undefined): Json {
  if (resource === undefined)
    return { name: resourceId, fullyQualifiedName: resourceId, kind: 'resource' };
  const properties: Json = { apiVersion: resource.apiVersion, kind: resource.kind };
  if (resource.namespace !== undefined) properties['namespace'] = resource.namespace;
  return { name: resource.name, fullyQualifiedName: resourceId, kind: 'resource', properties };
}

function suppression(exception: ReportException | undefined): Json {
  if (exception === undefined) return { kind: 'external', status: 'accepted' };
  const who = [exception.owner, exception.ticket].filter((part) => part !== undefined).join(', ');
  const until = exception.expires === undefined ? '' : ` (until ${exception.expires})`;
  const justification = `${exception.name}: ${exception.reason}${who === '' ? '' : ` [${who}]`}${until}`;
  return { kind: 'external', status: 'accepted', justification };
}

function result(
  finding: ReportFinding,
  view: View,
  cwd: string | undefined,
  ruleIndex: ReadonlyMap<string, number>,
): Json {
  const resource = view.resources.get(finding.resourceId);
  const position = findingPosition(finding, view);
  const physical = physicalLocation(position, cwd);
  const location: Json = { logicalLocations: [logicalLocation(finding.resourceId, resource)] };
  if (physical !== undefined) location['physicalLocation'] = physical;
  const file = position.file === undefined ? undefined : artifactPath(position.file, cwd);
  const properties: Json = {
    severity: finding.severity,
    resourceId: finding.resourceId,
    messageId: finding.messageId,
    jsonPointer: toJsonPointer(finding.path),
  };
  if (finding.evidence !== undefined) properties['evidence'] = finding.evidence;
  const remediation = remediationOfFailed(finding, view);
  if (remediation !== undefined) properties['remediation'] = remediation;
  const out: Json = { ruleId: finding.controlId };
  const index = ruleIndex.get(finding.controlId);
  if (index !== undefined) out['ruleIndex'] = index;
  Object.assign(out, {
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message === '' ? finding.controlId : finding.message },
    locations: [location],
    partialFingerprints: {
      [FINGERPRINT_KEY]: findingFingerprint(finding, resource, file?.relative ?? file?.absolute),
    },
  });
  if (finding.status === 'excepted') out['suppressions'] = [suppression(finding.exception)];
  out['properties'] = properties;
  return out;
}

function notification(error: ReportError, cwd: string | undefined): Json {
  const out: Json = {
    level: error.severity === 'error' ? 'error' : 'warning',
    message: { text: error.message === '' ? error.code : error.message },
    descriptor: { id: error.code },
  };
  if (error.file !== undefined) {
    const physical = physicalLocation(error, cwd);
    if (physical !== undefined) out['locations'] = [{ physicalLocation: physical }];
  }
  return out;
}

function invocation(report: ScanReport, cwd: string | undefined): Json {
  const started = Date.parse(report.scannedAt);
  const out: Json = {
    executionSuccessful: !report.errors.some((error) => error.severity === 'error'),
  };
  if (Number.isFinite(started)) {
    out['startTimeUtc'] = new Date(started).toISOString();
    out['endTimeUtc'] = new Date(started + Math.max(0, report.durationMs)).toISOString();
  }
  if (report.errors.length > 0) {
    out['toolExecutionNotifications'] = report.errors.map((error) => notification(error, cwd));
  }
  return out;
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one run; every control that
 * ran is a rule; failed findings are results, excepted ones are results with an external
 * suppression, skipped and errored checks are not results (input and control errors are tool
 * execution notifications). File URIs are relative to `ctx.cwd` under `%SRCROOT%`.
 */
export function sarif(report: ScanReport, ctx: FormatContext): string {
  const view = createView(report, ctx);
  const cwd = ctx.cwd;
  const ruleIndex = new Map(report.controls.map((control, index) => [control.id, index]));
  const findings = report.findings
    .filter((finding) => finding.status === 'failed' || finding.status === 'excepted')
    .sort(findingOrder(view));
  const run: Json = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        informationUri: 'https://cubecape.io',
        rules: report.controls.map(sarifRule),
      },
    },
    invocations: [invocation(report, cwd)],
  };
  if (cwd !== undefined) run['originalUriBaseIds'] = { [SRCROOT]: { uri: fileUri(cwd, true) } };
  run['results'] = findings.map((finding) => result(finding, view, cwd, ruleIndex));
  run['columnKind'] = 'utf16CodeUnits';
  return `${JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}
