/**
 * `node --import tsx bench/formats.ts [resources]`: time every output format on a synthetic
 * ScanReport (default 10,000 resources, 12 controls, about three failed findings per resource).
 * Prints milliseconds per format (median of 5 runs after a warm-up) and output size; asserts
 * nothing.
 */
import { SEVERITIES } from '../src/core/severity.js';
import { FORMAT_NAMES, formatters } from '../src/report/formatters/index.js';
import type {
  ReportControl,
  ReportFinding,
  ReportResource,
  ScanReport,
} from '../src/report/scan-report.js';

const RUNS = 5;

function controls(): ReportControl[] {
  return Array.from({ length: 12 }, (_, i) => ({
    id: `control-${i}`,
    title: `Control ${i} <title> & "quotes"`,
    description: `What control ${i} checks and why it matters.`,
    severity: SEVERITIES[i % SEVERITIES.length] ?? 'medium',
    frameworks: i % 2 === 0 ? ['nsa-cisa', 'mitre-attack'] : ['nsa-cisa'],
    aliases: { kubescape: [`C-00${10 + i}`] },
    remediation: `Fix control ${i}.`,
    status: 'failed',
    counts: { passed: 7_000, failed: 2_500, excepted: 250, skipped: 250, error: 0 },
    score: 73.7,
  }));
}

function buildReport(size: number): ScanReport {
  const resources: ReportResource[] = [];
  const findings: ReportFinding[] = [];
  const ctrls = controls();
  for (let i = 0; i < size; i++) {
    const namespace = `team-${i % 50}`;
    const file = `k8s/${namespace}/app-${i}.yaml`;
    const id = `apps/Deployment/${namespace}/app-${i}`;
    resources.push({
      id,
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace,
      name: `app-${i}`,
      source: { file, line: 1, column: 1, documentIndex: 0 },
    });
    for (let k = 0; k < 3; k++) {
      const control = ctrls[(i + k * 5) % ctrls.length]!;
      findings.push({
        controlId: control.id,
        resourceId: id,
        status: k === 2 && i % 10 === 0 ? 'excepted' : 'failed',
        severity: control.severity,
        messageId: 'violation',
        message: `Container "app" in app-${i} violates ${control.id} <&> ]]>`,
        path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext', `field${k}`],
        location: { file, line: 20 + k, column: 9 },
        evidence: `value-${i}-${k} \x1b[31m`,
      });
    }
  }
  return {
    apiVersion: 'cubecape.io/v1alpha2',
    kind: 'ScanReport',
    tool: { name: 'cubecape', version: '0.1.0' },
    scannedAt: '2025-03-14T09:26:53.589Z',
    durationMs: 900,
    inputs: [{ type: 'file', target: 'k8s/' }],
    resources,
    controls: ctrls,
    findings,
    frameworks: [
      {
        id: 'nsa-cisa',
        name: 'NSA/CISA',
        version: '1.2',
        score: 70.1,
        controls: ctrls.map((c) => c.id),
      },
    ],
    summary: {
      resources: size,
      controls: ctrls.length,
      passed: 84_000,
      failed: 30_000,
      excepted: 3_000,
      skipped: 3_000,
      errors: 0,
      bySeverity: { critical: 6_000, high: 6_000, medium: 6_000, low: 6_000, info: 6_000 },
      score: 70.1,
    },
    errors: [
      {
        code: 'YAML_SYNTAX',
        message: 'bad indentation',
        file: 'k8s/broken.yaml',
        line: 3,
        column: 1,
        severity: 'error',
      },
    ],
  };
}

function main(): void {
  const size = Number(process.argv[2] ?? 10_000);
  const report = buildReport(size);
  const ctx = { color: false, width: 100, cwd: process.cwd() };
  console.log(
    `formats on ${size.toLocaleString('en-US')} resources, ${report.findings.length.toLocaleString('en-US')} findings — node ${process.version}`,
  );
  console.log(`${'format'.padEnd(14)}${'median ms'.padStart(12)}${'output MB'.padStart(12)}`);
  for (const name of FORMAT_NAMES) {
    const format = formatters[name];
    let output = format(report, ctx);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      output = format(report, ctx);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(RUNS / 2)] ?? 0;
    console.log(
      `${name.padEnd(14)}${median.toFixed(0).padStart(12)}${(Buffer.byteLength(output) / 1e6).toFixed(1).padStart(12)}`,
    );
  }
}

main();
