import { toDotted } from '../../core/json-path.js';
import type { ControlCounts, ReportFinding, ScanReport } from '../scan-report.js';
import { artifactText } from './artifact-path.js';
import {
  createView,
  findingOrder,
  findingPosition,
  remediationOfFailed,
  type View,
} from './pretty-view.js';
import type { FormatContext } from './types.js';
import { xmlAttr, xmlText } from './xml-escape.js';

/** The test cases of one suite and what they add up to. */
interface Suite {
  readonly name: string;
  readonly cases: readonly string[];
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
  /** Extra `<property>` values, such as the real pair counts behind an aggregated case. */
  readonly properties: readonly (readonly [string, string])[];
}

/** `file:line:col` relative to cwd, `<stdin>` for standard input; undefined when unknown. */
function position(finding: ReportFinding, view: View): string | undefined {
  const { file, line, column } = findingPosition(finding, view);
  if (file === undefined) return undefined;
  let out = artifactText(file, view.cwd) ?? '<stdin>';
  if (line !== undefined) out += `:${line}`;
  if (line !== undefined && column !== undefined) out += `:${column}`;
  return out;
}

/** The readable body of a failure: each finding with where, what was found and the fix. */
function findingDetails(findings: readonly ReportFinding[], view: View): string {
  return findings
    .map((finding) => {
      const lines = [`[${finding.severity}] ${finding.controlId}: ${finding.message}`];
      const where = position(finding, view);
      if (where !== undefined) lines.push(`  at ${where}`);
      if (finding.path.length > 0) lines.push(`  path ${toDotted(finding.path)}`);
      if (finding.evidence !== undefined) lines.push(`  found ${finding.evidence}`);
      const remediation = remediationOfFailed(finding, view);
      if (remediation !== undefined) lines.push(`  fix ${remediation}`);
      if (finding.exception !== undefined) {
        lines.push(`  excepted by ${finding.exception.name}: ${finding.exception.reason}`);
      }
      return lines.join('\n');
    })
    .join('\n\n');
}

/** The most severe finding first decides the failure's `type`; findings arrive sorted. */
function testCase(
  classname: string,
  name: string,
  findings: readonly ReportFinding[],
  view: View,
): string {
  const open = `    <testcase classname="${xmlAttr(classname)}" name="${xmlAttr(name)}" time="0"`;
  const failed = findings.filter((finding) => finding.status === 'failed');
  const errored = findings.filter((finding) => finding.status === 'error');
  const skipped = findings.filter((finding) => finding.status === 'skipped');
  const excepted = findings.filter((finding) => finding.status === 'excepted');
  const children: string[] = [];
  const element = (tag: string, group: readonly ReportFinding[]): string => {
    const [first] = group;
    const message = group.length === 1 ? (first?.message ?? '') : `${group.length} findings`;
    const type = first?.severity ?? 'error';
    return `      <${tag} message="${xmlAttr(message)}" type="${type}">${xmlText(findingDetails(group, view))}</${tag}>`;
  };
  if (failed.length > 0) children.push(element('failure', failed));
  else if (errored.length > 0) children.push(element('error', errored));
  else if (skipped.length > 0) {
    const reason = skipped.map((finding) => finding.message).join('; ');
    children.push(`      <skipped message="${xmlAttr(reason)}"/>`);
  }
  if (excepted.length > 0) {
    children.push(`      <system-out>${xmlText(findingDetails(excepted, view))}</system-out>`);
  }
  return children.length === 0 ? `${open}/>` : `${open}>\n${children.join('\n')}\n    </testcase>`;
}

/** Groups findings by a key, in the order the (sorted) findings first name each key. */
function groupBy(
  findings: readonly ReportFinding[],
  key: (f: ReportFinding) => string,
): Map<string, ReportFinding[]> {
  const groups = new Map<string, ReportFinding[]>();
  for (const finding of findings) {
    const id = key(finding);
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [finding]);
    else group.push(finding);
  }
  return groups;
}

/** What a test case ended as, for the suite's counts: the worst status among its findings. */
function caseOutcome(
  findings: readonly ReportFinding[],
): 'failure' | 'error' | 'skipped' | 'passed' {
  if (findings.some((finding) => finding.status === 'failed')) return 'failure';
  if (findings.some((finding) => finding.status === 'error')) return 'error';
  return findings.some((finding) => finding.status === 'skipped') ? 'skipped' : 'passed';
}

/** A suite from its finding groups (one per case, for the counts) and its rendered cases. */
function suiteOf(
  name: string,
  groups: readonly (readonly [string, readonly ReportFinding[]])[],
  rendered: readonly string[],
  properties: Suite['properties'],
): Suite {
  const outcomes = groups.map(([, findings]) => caseOutcome(findings));
  const count = (outcome: string): number => outcomes.filter((o) => o === outcome).length;
  return {
    name,
    cases: rendered,
    failures: count('failure'),
    errors: count('error'),
    skipped: count('skipped'),
    properties,
  };
}

function passedCase(classname: string, name: string): string {
  return `    <testcase classname="${xmlAttr(classname)}" name="${xmlAttr(name)}" time="0"/>`;
}

function countProperties(counts: ControlCounts): Suite['properties'] {
  return [
    ['cubecape.passed', String(counts.passed)],
    ['cubecape.failed', String(counts.failed)],
    ['cubecape.excepted', String(counts.excepted)],
    ['cubecape.skipped', String(counts.skipped)],
    ['cubecape.error', String(counts.error)],
  ];
}

/**
 * Suites by control: a test case per resource the control has a finding for, and, because the
 * report counts passed resources without naming them, one aggregated case for all of them.
 */
function suitesByControl(
  report: ScanReport,
  findings: readonly ReportFinding[],
  view: View,
): Suite[] {
  const byControl = groupBy(findings, (finding) => finding.controlId);
  return report.controls.map((control) => {
    const byResource = [...groupBy(byControl.get(control.id) ?? [], (f) => f.resourceId)];
    const cases = byResource.map(([resourceId, group]) =>
      testCase(control.id, resourceId, group, view),
    );
    if (control.counts.passed > 0) {
      const word = control.counts.passed === 1 ? 'resource' : 'resources';
      cases.push(passedCase(control.id, `${control.counts.passed} other ${word} passed`));
    }
    return suiteOf(control.id, byResource, cases, countProperties(control.counts));
  });
}

/** Suites by resource: a test case per control with a finding, one for every other control. */
function suitesByResource(
  report: ScanReport,
  findings: readonly ReportFinding[],
  view: View,
): Suite[] {
  const byResource = groupBy(findings, (finding) => finding.resourceId);
  const ids = [...new Set([...report.resources.map((r) => r.id), ...byResource.keys()])];
  return ids.map((resourceId) => {
    const byControl = [...groupBy(byResource.get(resourceId) ?? [], (f) => f.controlId)];
    const cases = byControl.map(([controlId, group]) =>
      testCase(resourceId, controlId, group, view),
    );
    cases.push(passedCase(resourceId, 'every other applicable control passed'));
    return suiteOf(resourceId, byControl, cases, []);
  });
}

function renderSuite(suite: Suite, id: number, timestamp: string): string {
  const properties = suite.properties.map(
    ([name, value]) => `      <property name="${xmlAttr(name)}" value="${xmlAttr(value)}"/>`,
  );
  const head =
    `  <testsuite id="${id}" name="${xmlAttr(suite.name)}" tests="${suite.cases.length}" ` +
    `failures="${suite.failures}" errors="${suite.errors}" skipped="${suite.skipped}" time="0" timestamp="${xmlAttr(timestamp)}">`;
  const body =
    properties.length === 0 ? [] : ['    <properties>', ...properties, '    </properties>'];
  return [head, ...body, ...suite.cases, '  </testsuite>'].join('\n');
}

/**
 * JUnit XML for CI test reports. By default one `<testsuite>` per control, one `<testcase>` per
 * resource it has findings for (`<failure>` with every finding, `<error>`, `<skipped>`; excepted
 * findings pass with the exception in `<system-out>`), plus one aggregated passing case for the
 * resources that passed, which the report counts but does not name. `ctx.junitBy: 'resource'`
 * turns it around. Input errors become failures of a `cubecape.inputs` suite so a pipeline does
 * not go green on a scan that could not read its input.
 */
export function junit(report: ScanReport, ctx: FormatContext): string {
  const view = createView(report, ctx);
  const findings = [...report.findings].sort(findingOrder(view));
  const suites =
    ctx.junitBy === 'resource'
      ? suitesByResource(report, findings, view)
      : suitesByControl(report, findings, view);
  const inputErrors = report.errors.filter((error) => error.severity === 'error');
  if (inputErrors.length > 0) suites.push(inputSuite(inputErrors, view));
  const total = (key: 'failures' | 'errors' | 'skipped'): number =>
    suites.reduce((sum, s) => sum + s[key], 0);
  const tests = suites.reduce((sum, suite) => sum + suite.cases.length, 0);
  const seconds = (Math.max(0, report.durationMs) / 1000).toFixed(3);
  const timestamp = report.scannedAt.replace(/\.\d+Z$|Z$/, '');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cubecape" tests="${tests}" failures="${total('failures')}" errors="${total('errors')}" skipped="${total('skipped')}" time="${seconds}">`,
    ...suites.map((suite, index) => renderSuite(suite, index, timestamp)),
    '</testsuites>',
    '',
  ].join('\n');
}

function inputSuite(errors: ScanReport['errors'], view: View): Suite {
  const cases = errors.map((error) => {
    const where = error.file === undefined ? '' : (artifactText(error.file, view.cwd) ?? '<stdin>');
    const at = where === '' ? '' : `${where}${error.line === undefined ? '' : `:${error.line}`}`;
    const name = at === '' ? error.code : `${at} ${error.code}`;
    return `    <testcase classname="cubecape.inputs" name="${xmlAttr(name)}" time="0">\n      <error message="${xmlAttr(error.message)}" type="${xmlAttr(error.code)}">${xmlText(error.message)}</error>\n    </testcase>`;
  });
  return {
    name: 'cubecape.inputs',
    cases,
    failures: 0,
    errors: cases.length,
    skipped: 0,
    properties: [],
  };
}
