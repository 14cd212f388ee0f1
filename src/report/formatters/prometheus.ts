import type { ControlStatus, ScanReport } from '../scan-report.js';
import type { FormatContext } from './types.js';

type Labels = Readonly<Record<string, string>>;

interface Sample {
  readonly labels: Labels;
  readonly value: number;
}

interface Family {
  readonly name: string;
  readonly help: string;
  readonly type: 'gauge';
  readonly samples: readonly Sample[];
}

const CONTROL_STATUSES: readonly ControlStatus[] = [
  'passed',
  'failed',
  'excepted',
  'skipped',
  'error',
  'not-applicable',
];
const PAIR_RESULTS = ['passed', 'failed', 'excepted', 'skipped', 'error'] as const;

/** Label values: backslash, double quote and line feed escaped, as the text format requires. */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`));
}

/** HELP text escapes only backslash and line feed. */
function escapeHelp(text: string): string {
  return text.replace(/[\\\n]/g, (char) => (char === '\n' ? '\\n' : '\\\\'));
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return String(value);
}

function renderFamily(family: Family): string {
  const lines = [
    `# HELP ${family.name} ${escapeHelp(family.help)}`,
    `# TYPE ${family.name} ${family.type}`,
  ];
  for (const sample of family.samples) {
    const labels = Object.entries(sample.labels)
      .map(([name, value]) => `${name}="${escapeLabelValue(value)}"`)
      .join(',');
    lines.push(`${family.name}${labels === '' ? '' : `{${labels}}`} ${formatValue(sample.value)}`);
  }
  return lines.join('\n');
}

function failedByControl(report: ScanReport): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of report.findings) {
    if (finding.status === 'failed')
      counts.set(finding.controlId, (counts.get(finding.controlId) ?? 0) + 1);
  }
  return counts;
}

function controlFamilies(report: ScanReport): Family[] {
  const failed = failedByControl(report);
  return [
    {
      name: 'cubecape_findings',
      help: 'Failed findings of the last scan, by control and severity.',
      type: 'gauge',
      samples: report.controls.map((c) => ({
        labels: { control: c.id, severity: c.severity },
        value: failed.get(c.id) ?? 0,
      })),
    },
    {
      name: 'cubecape_control_status',
      help: "A control's overall status in the last scan: 1 for its status, 0 for the others.",
      type: 'gauge',
      samples: report.controls.flatMap((c) =>
        CONTROL_STATUSES.map((status) => ({
          labels: { control: c.id, status },
          value: c.status === status ? 1 : 0,
        })),
      ),
    },
    {
      name: 'cubecape_control_resources',
      help: 'Resources each control judged in the last scan, by result.',
      type: 'gauge',
      samples: report.controls.flatMap((c) =>
        PAIR_RESULTS.map((result) => ({
          labels: { control: c.id, result },
          value: c.counts[result],
        })),
      ),
    },
  ];
}

function scoreFamilies(report: ScanReport): Family[] {
  const scored = report.frameworks.filter((framework) => framework.score !== undefined);
  return [
    {
      name: 'cubecape_framework_score',
      help: 'Compliance score of each framework, 0 to 100; absent when nothing was judged.',
      type: 'gauge',
      samples: scored.map((f) => ({ labels: { framework: f.id }, value: f.score ?? 0 })),
    },
    {
      name: 'cubecape_score',
      help: 'Overall compliance score, 0 to 100; absent when nothing was judged.',
      type: 'gauge',
      samples:
        report.summary.score === undefined ? [] : [{ labels: {}, value: report.summary.score }],
    },
  ];
}

function scanFamilies(report: ScanReport): Family[] {
  const errors = (severity: 'error' | 'warning'): number =>
    report.errors.filter((error) => error.severity === severity).length;
  const started = Date.parse(report.scannedAt);
  return [
    {
      name: 'cubecape_resources_scanned',
      help: 'Kubernetes resources scanned.',
      type: 'gauge',
      samples: [{ labels: {}, value: report.summary.resources }],
    },
    {
      name: 'cubecape_scan_duration_seconds',
      help: 'How long the scan took.',
      type: 'gauge',
      samples: [{ labels: {}, value: Math.max(0, report.durationMs) / 1000 }],
    },
    {
      name: 'cubecape_scan_timestamp_seconds',
      help: 'When the scan started, in seconds since the Unix epoch.',
      type: 'gauge',
      samples: Number.isFinite(started) ? [{ labels: {}, value: started / 1000 }] : [],
    },
    {
      name: 'cubecape_scan_errors',
      help: 'Input problems: errors left part of the input unscanned; warnings are documents skipped on purpose.',
      type: 'gauge',
      samples: [
        { labels: { severity: 'error' }, value: errors('error') },
        { labels: { severity: 'warning' }, value: errors('warning') },
      ],
    },
    {
      name: 'cubecape_build_info',
      help: 'The cubecape version that ran the scan; always 1.',
      type: 'gauge',
      samples: [{ labels: { version: report.tool.version }, value: 1 }],
    },
  ];
}

/**
 * Prometheus text exposition format (0.0.4) for a node-exporter textfile collector or a
 * Pushgateway: every metric is a gauge describing the last scan, with `# HELP` and `# TYPE`.
 * Label values are escaped; samples appear in report order, so output is deterministic.
 */
export function prometheus(report: ScanReport, _ctx: FormatContext): string {
  const families = [...controlFamilies(report), ...scoreFamilies(report), ...scanFamilies(report)];
  return `${families.map(renderFamily).join('\n')}\n`;
}
