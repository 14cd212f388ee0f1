import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormatContext } from '../../src/report/formatters/index.js';
import { pretty } from '../../src/report/formatters/pretty.js';
import { displayWidth } from '../../src/report/formatters/terminal-text.js';
import type { ReportFinding, ScanReport } from '../../src/report/scan-report.js';
import { cleanReport, errorsOnlyReport, sampleReport } from './sample-report.js';

const plain: FormatContext = { color: false, width: 100 };
const SGR = /\x1b\[[0-9;]*m/g;
/** Characters that act on a terminal; a newline between lines is the only one allowed. */
const TERMINAL_ACTIVE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

function lines(output: string): string[] {
  return output.split('\n');
}

/** Index of the first line containing every one of `parts`, or -1. */
function lineOf(output: string, ...parts: string[]): number {
  return lines(output).findIndex((line) => parts.every((part) => line.includes(part)));
}

/** The last paragraph, the verdict, as one line however it was wrapped. */
function verdictOf(output: string): string {
  const paragraphs = output.trimEnd().split('\n\n');
  return (paragraphs.at(-1) ?? '').split('\n').join(' ');
}

function finding(overrides: Partial<ReportFinding>): ReportFinding {
  return {
    controlId: 'image-tag',
    resourceId: 'apps/Deployment/prod/web',
    status: 'failed',
    severity: 'medium',
    messageId: 'latest',
    message: 'uses a mutable tag',
    path: ['spec'],
    ...overrides,
  };
}

const reports: [string, ScanReport][] = [
  ['sample', sampleReport()],
  ['clean', cleanReport()],
  ['errors only', errorsOnlyReport()],
];

describe('pretty formatter: colour and hostile text', () => {
  for (const [name, report] of reports) {
    for (const verbose of [false, true]) {
      it(`${name}${verbose ? ' (verbose)' : ''}: no escape codes at all without colour`, () => {
        const output = pretty(report, { ...plain, verbose });
        assert.ok(!output.includes('\x1b'), 'ESC in uncoloured output');
        assert.doesNotMatch(output, TERMINAL_ACTIVE);
      });

      it(`${name}${verbose ? ' (verbose)' : ''}: with colour, only SGR colour codes reach the terminal`, () => {
        const output = pretty(report, { ...plain, color: true, verbose });
        assert.match(output, SGR);
        assert.doesNotMatch(output.replace(SGR, ''), TERMINAL_ACTIVE);
      });
    }
  }

  it('shows hostile escape sequences visibly instead of executing them', () => {
    const output = pretty(sampleReport(), { ...plain, color: true, verbose: true });
    assert.ok(!output.includes('\x1b[2J') && !output.includes('\x1b[31mpwned'));
    assert.ok(output.includes('Rule grants every verb \\x1b[2J\\x1b[31mpwned\\x1b[0m'));
    assert.ok(output.includes('ClusterRole admin\\x1b[2J'));
    assert.ok(
      output.includes('*\\x1b[2J\\x1b[31mpwned\\x1b[0m\\r\\nsecond line\\ttab\\x07\\x9b31m'),
    );
    assert.ok(output.includes('has no tag safe\\u202eexe.yaml'));
  });

  it('prints markup, quotes and non-ASCII text as they are', () => {
    const output = pretty(sampleReport(), plain);
    assert.ok(output.includes('Container "web" uses image tag <latest> & it is mutable ]]>'));
    assert.ok(output.includes('Pod prod/日本語-🚀'));
    assert.ok(output.includes('deploy/pod <&>.yaml:9:14'));
  });

  it('colours severities', () => {
    const output = pretty(sampleReport(), { ...plain, color: true });
    assert.ok(output.includes('\x1b[35mCRITICAL'));
    assert.ok(output.includes('\x1b[31mHIGH'));
    assert.ok(output.includes('\x1b[33mMEDIUM'));
  });
});

describe('pretty formatter: findings', () => {
  const output = pretty(sampleReport(), plain);

  it('gives each failed finding its clickable file:line:col', () => {
    for (const where of [
      'deploy/web.yaml:24:13',
      'deploy/web.yaml:20:18',
      '<stdin>:7:12',
      'deploy/pod <&>.yaml:9:14',
    ]) {
      assert.notEqual(lineOf(output, 'at', where), -1, where);
    }
  });

  it('shows the control id and title, the message, the JSON path, the evidence and a one-line fix', () => {
    assert.notEqual(lineOf(output, 'CRITICAL', 'privileged-container', 'Privileged container'), -1);
    assert.notEqual(lineOf(output, 'Container "web" runs privileged.'), -1);
    assert.notEqual(
      lineOf(output, 'spec.template.spec.containers[0].securityContext.privileged'),
      -1,
    );
    assert.notEqual(lineOf(output, 'found', 'nginx:latest'), -1);
    assert.notEqual(
      lineOf(output, 'fix', 'Set securityContext.privileged to false or remove it.'),
      -1,
    );
    assert.equal(lineOf(output, 'Second line is not shown'), -1);
  });

  it('takes the fix from the control when the finding has none', () => {
    const at = lineOf(output, 'MEDIUM', 'image-tag');
    const podBlock = lines(output).slice(lineOf(output, 'Pod prod/日本語-🚀'));
    assert.ok(
      at !== -1 &&
        podBlock.some((line) => line.includes('fix    Pin the image to a version tag or digest.')),
    );
  });

  it('cuts very long evidence with an ellipsis and says how long it was', () => {
    assert.notEqual(lineOf(output, '…'), -1);
    assert.notEqual(lineOf(output, '4,800 characters'), -1);
    assert.ok(!output.includes('A'.repeat(400)));
  });

  for (const width of [40, 60, 90, 120]) {
    it(`keeps every line within ${width} columns`, () => {
      for (const line of lines(pretty(sampleReport(), { ...plain, width, verbose: true }))) {
        assert.ok(displayWidth(line) <= width, `${displayWidth(line)} > ${width}: ${line}`);
      }
    });
  }

  for (const width of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 1e9]) {
    it(`survives a width of ${width}`, () => {
      const text = pretty(sampleReport(), { ...plain, width });
      assert.ok(lines(text).every((line) => displayWidth(line) <= 160));
    });
  }
});

describe('pretty formatter: grouping and ordering', () => {
  it('puts the most severe first, grouping by file and then resource', () => {
    const output = pretty(sampleReport(), plain);
    const order = [
      lineOf(output, 'deploy/web.yaml'),
      lineOf(output, 'Deployment prod/web'),
      lineOf(output, 'CRITICAL', 'privileged-container'),
      lineOf(output, 'deploy/web.yaml:20:18'),
      lineOf(output, '<stdin>'),
      lineOf(output, 'HIGH', 'wildcard-rbac'),
      lineOf(output, 'deploy/pod <&>.yaml'),
      lineOf(output, 'Errors (1)'),
      lineOf(output, 'Summary'),
    ];
    assert.ok(
      order.every((index) => index !== -1),
      JSON.stringify(order),
    );
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
  });

  it('orders equal severities by file, then line, and lists each file and resource once', () => {
    const report = sampleReport({
      findings: [
        finding({ location: { file: 'b.yaml', line: 5, column: 1 }, message: 'third' }),
        finding({ location: { file: 'a.yaml', line: 9, column: 1 }, message: 'second' }),
        finding({ location: { file: 'a.yaml', line: 2, column: 1 }, message: 'first' }),
        finding({
          location: { file: 'c.yaml', line: 1, column: 1 },
          message: 'low one',
          severity: 'low',
        }),
        finding({
          location: { file: 'a.yaml', line: 1, column: 1 },
          message: 'low in a',
          severity: 'low',
        }),
      ],
    });
    const output = pretty(report, plain);
    // A file is listed once, where its most severe finding puts it; inside, most severe first.
    const order = [
      'a.yaml',
      'first',
      'second',
      'low in a',
      'b.yaml',
      'third',
      'c.yaml',
      'low one',
    ].map((text) => lines(output).findIndex((line) => line === text || line.trim() === text));
    assert.ok(
      order.every((index) => index !== -1),
      JSON.stringify(order),
    );
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
    for (const file of ['a.yaml', 'b.yaml', 'c.yaml']) {
      assert.equal(lines(output).filter((line) => line === file).length, 1, file);
    }
    assert.equal(lines(output).filter((line) => line === '  Deployment prod/web').length, 3);
  });

  it('does not depend on the order of findings in the report', () => {
    const report = sampleReport();
    const reversed = sampleReport({ findings: [...report.findings].reverse() });
    assert.equal(
      pretty(reversed, { ...plain, verbose: true }),
      pretty(report, { ...plain, verbose: true }),
    );
  });

  it('shows an unknown resource or control by its id, and a finding without a file under its own heading', () => {
    const report = sampleReport({
      findings: [
        finding({
          resourceId: 'core/Secret/x/ghost',
          controlId: 'no-such-control',
          path: ['data', 'token'],
        }),
      ],
    });
    const output = pretty(report, plain);
    assert.notEqual(lineOf(output, 'no source file'), -1);
    assert.notEqual(lineOf(output, 'core/Secret/x/ghost'), -1);
    assert.notEqual(lineOf(output, 'MEDIUM', 'no-such-control'), -1);
    assert.notEqual(lineOf(output, 'at', 'data.token'), -1);
  });

  it('points a finding without its own location at its resource', () => {
    const report = sampleReport({ findings: [finding({})] });
    assert.notEqual(lineOf(pretty(report, plain), 'at', 'deploy/web.yaml:1:1'), -1);
  });

  const cwdCases: [string, string, string][] = [
    ['under cwd: relative', '/home/u/proj/k8s/a.yaml', 'k8s/a.yaml:3:4'],
    ['outside cwd: absolute', '/srv/k8s/a.yaml', '/srv/k8s/a.yaml:3:4'],
    [
      'a sibling sharing the prefix: absolute',
      '/home/u/project2/a.yaml',
      '/home/u/project2/a.yaml:3:4',
    ],
  ];
  for (const [name, file, expected] of cwdCases) {
    it(`shows paths ${name}`, () => {
      const report = sampleReport({
        findings: [finding({ location: { file, line: 3, column: 4 } })],
      });
      const output = pretty(report, { ...plain, cwd: '/home/u/proj' });
      assert.notEqual(lineOf(output, 'at', expected), -1, output);
    });
  }
});

describe('pretty formatter: excepted, skipped and errors', () => {
  it('counts excepted and skipped findings and skipped documents without listing them', () => {
    const output = pretty(sampleReport(), plain);
    assert.notEqual(
      lineOf(output, '1 excepted finding', '1 skipped finding', '1 skipped document'),
      -1,
    );
    assert.notEqual(lineOf(output, '(--verbose lists them)'), -1);
    for (const hidden of [
      'vendor-images',
      'Excepted findings',
      'Skipped findings',
      'Skipped documents',
      'deploy/values.yaml',
    ]) {
      assert.equal(lineOf(output, hidden), -1, hidden);
    }
  });

  it('lists them when verbose, with the exception and the skip reason', () => {
    const output = pretty(sampleReport(), { ...plain, verbose: true });
    assert.notEqual(lineOf(output, 'Excepted findings (1)'), -1);
    assert.notEqual(lineOf(output, 'image-tag', 'Service prod/web'), -1);
    assert.notEqual(
      lineOf(output, 'exception vendor-images: Vendor ships only "latest" <sigh>'),
      -1,
    );
    assert.notEqual(lineOf(output, 'team-platform'), -1);
    assert.notEqual(lineOf(output, 'expires 2025-12-31'), -1);
    assert.notEqual(lineOf(output, 'Skipped findings (1)'), -1);
    assert.notEqual(lineOf(output, 'Skipped controls (1)'), -1);
    assert.notEqual(lineOf(output, 'node-kernel-params', 'needs a live cluster'), -1);
    assert.notEqual(lineOf(output, 'Skipped documents (1)'), -1);
    assert.notEqual(lineOf(output, 'deploy/values.yaml:1:1', 'NOT_KUBERNETES'), -1);
    assert.equal(lineOf(output, '(--verbose lists them)'), -1);
  });

  it('always lists input errors with file:line:col and code', () => {
    const output = pretty(sampleReport(), plain);
    assert.notEqual(lineOf(output, 'Errors (1)'), -1);
    assert.notEqual(lineOf(output, 'deploy/broken.yaml:3:7', 'YAML_SYNTAX'), -1);
    assert.notEqual(lineOf(output, 'unexpected end of flow sequence'), -1);
  });

  it('handles a report with only errors', () => {
    const output = pretty(errorsOnlyReport(), plain);
    assert.notEqual(lineOf(output, 'Errors (2)'), -1);
    assert.notEqual(lineOf(output, 'broken.yaml:4:3', 'YAML_SYNTAX'), -1);
    assert.notEqual(lineOf(output, 'huge.yaml', 'FILE_TOO_LARGE'), -1);
    assert.notEqual(lineOf(output, 'Failed', 'none'), -1);
    assert.notEqual(lineOf(output, 'overall', 'n/a'), -1);
    assert.match(verdictOf(output), /^⚠ Nothing was scanned.*incomplete \(2 errors\)$/);
  });
});

describe('pretty formatter: summary', () => {
  it('shows resources, controls, failed counts by severity, scores and a verdict', () => {
    const output = pretty(sampleReport(), plain);
    assert.notEqual(lineOf(output, 'Resources', '4 scanned'), -1);
    assert.notEqual(lineOf(output, 'Controls', '4 run', '3 failed', '1 skipped'), -1);
    assert.notEqual(lineOf(output, 'Failed', '4 findings', '1 critical', '1 high', '2 medium'), -1);
    assert.equal(lineOf(output, '0 low'), -1);
    assert.notEqual(
      lineOf(output, 'nsa-cisa', '72.4%', '███████░░░', 'NSA/CISA Kubernetes Hardening Guidance'),
      -1,
    );
    assert.notEqual(lineOf(output, 'cis-1.9', '0.0%', '░░░░░░░░░░'), -1);
    assert.notEqual(lineOf(output, 'empty-fw', 'n/a', 'nothing judged'), -1);
    assert.notEqual(lineOf(output, 'overall', '41.7%', '████░░░░░░'), -1);
    assert.equal(
      verdictOf(output),
      '✖ 4 failed findings in 3 of 4 resources; the scan is incomplete (1 error)',
    );
    assert.equal(lines(output).at(-1), '');
  });

  it('says clearly that nothing failed in a clean report', () => {
    const output = pretty(cleanReport(), plain);
    assert.equal(verdictOf(output), '✔ No failed controls (4 resources, 4 controls)');
    assert.notEqual(lineOf(output, 'Failed', 'none'), -1);
    assert.notEqual(lineOf(output, 'overall', '100.0%', '██████████'), -1);
    assert.equal(lineOf(output, 'Errors'), -1);
    assert.ok(output.startsWith('Summary\n'));
  });

  it('warns when nothing failed but the scan is incomplete', () => {
    const report = sampleReport({ ...cleanReport(), errors: errorsOnlyReport().errors });
    assert.match(
      verdictOf(pretty(report, plain)),
      /^⚠ No failed controls in what was scanned .*incomplete \(2 errors\)$/,
    );
  });

  it('counts control errors as making the scan incomplete', () => {
    const clean = cleanReport();
    const report = sampleReport({ ...clean, summary: { ...clean.summary, errors: 2 } });
    const output = pretty(report, plain);
    assert.notEqual(lineOf(output, 'Errors', '2 control errors'), -1);
    assert.match(verdictOf(output), /incomplete \(2 errors\)$/);
  });
});

describe('pretty summary: baseline and exception warnings', () => {
  const plain: FormatContext = { color: false, width: 100 };

  it('shows new, existing and resolved counts when the scan had a baseline', () => {
    const text = pretty(sampleReport(), plain);
    assert.match(text, /Baseline\s+1 new finding · 1 existing · 2 resolved/);
  });

  it('has no baseline line without a baseline', () => {
    const { baseline: _ignored, ...summary } = sampleReport().summary;
    assert.doesNotMatch(pretty({ ...sampleReport(), summary }, plain), /Baseline/);
  });

  it('counts exception warnings apart from skipped documents', () => {
    const report = sampleReport();
    const errors = [
      ...report.errors.filter((error) => error.severity === 'error'),
      { code: 'EXCEPTION_EXPIRED', message: 'expired', severity: 'warning' as const },
      { code: 'NOT_KUBERNETES', message: 'not k8s', severity: 'warning' as const },
    ];
    const text = pretty({ ...report, errors }, plain);
    assert.match(text, /1 skipped document/);
    assert.match(text, /1 exception warning/);
  });
});
