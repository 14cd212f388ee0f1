import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CubecapeError } from '../../src/core/errors.js';
import { applyBaseline, compareViolations, parseReportJson } from '../../src/engine/baseline.js';
import { judge } from '../../src/engine/gate.js';
import type { ReportFinding, ReportResource, ScanReport } from '../../src/report/scan-report.js';
import { sampleReport } from '../report/sample-report.js';

const deployment: ReportResource = {
  id: 'apps/Deployment/prod/web',
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  namespace: 'prod',
  name: 'web',
  source: { file: 'a.yaml', line: 1, column: 1, documentIndex: 0 },
};

function finding(overrides: Partial<ReportFinding> = {}): ReportFinding {
  return {
    controlId: 'privileged-container',
    resourceId: deployment.id,
    status: 'failed',
    severity: 'critical',
    messageId: 'privileged',
    message: 'privileged',
    path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'],
    location: { file: 'a.yaml', line: 20, column: 5 },
    ...overrides,
  };
}

function report(findings: ReportFinding[], resources: ReportResource[] = [deployment]): ScanReport {
  const base = sampleReport();
  const { baseline: _baseline, ...summary } = base.summary;
  return { ...base, summary, resources, findings };
}

describe('compareViolations: identity', () => {
  const table: [
    string,
    ReportFinding[],
    ReportFinding[],
    ReportResource[],
    number,
    number,
    number,
  ][] = [
    // name, previous, current, current resources, existing, introduced, resolved
    ['the same finding', [finding()], [finding()], [deployment], 1, 0, 0],
    [
      'lines moved and file renamed',
      [finding()],
      [finding({ location: { file: 'b.yaml', line: 99, column: 1 } })],
      [{ ...deployment, source: { file: 'b.yaml', line: 50, column: 1, documentIndex: 3 } }],
      1,
      0,
      0,
    ],
    [
      'a collision suffix on the id',
      [finding()],
      [finding({ resourceId: `${deployment.id}@b.yaml#1` })],
      [{ ...deployment, id: `${deployment.id}@b.yaml#1` }],
      1,
      0,
      0,
    ],
    [
      'the path changed',
      [finding()],
      [
        finding({
          path: ['spec', 'template', 'spec', 'containers', 1, 'securityContext', 'privileged'],
        }),
      ],
      [deployment],
      0,
      1,
      1,
    ],
    ['another message id', [finding()], [finding({ messageId: 'other' })], [deployment], 0, 1, 1],
    ['another control', [finding()], [finding({ controlId: 'x' })], [deployment], 0, 1, 1],
    [
      'another namespace',
      [finding()],
      [finding({ resourceId: 'apps/Deployment/dev/web' })],
      [{ ...deployment, id: 'apps/Deployment/dev/web', namespace: 'dev' }],
      0,
      1,
      1,
    ],
    [
      'namespace default written out',
      [finding({ resourceId: 'apps/Deployment//web' })],
      [finding({ resourceId: 'apps/Deployment/default/web' })],
      [{ ...deployment, id: 'apps/Deployment/default/web', namespace: 'default' }],
      1,
      0,
      0,
    ],
    [
      'duplicates as a multiset (2 → 3)',
      [finding(), finding()],
      [finding(), finding(), finding()],
      [deployment],
      2,
      1,
      0,
    ],
    [
      'duplicates as a multiset (3 → 1)',
      [finding(), finding(), finding()],
      [finding()],
      [deployment],
      1,
      0,
      2,
    ],
    [
      'excepted before, failed now',
      [finding({ status: 'excepted' })],
      [finding()],
      [deployment],
      1,
      0,
      0,
    ],
    [
      'skipped findings are not violations',
      [finding({ status: 'skipped' })],
      [finding()],
      [deployment],
      0,
      1,
      0,
    ],
    ['an empty baseline', [], [finding()], [deployment], 0, 1, 0],
    ['everything fixed', [finding()], [], [deployment], 0, 0, 1],
  ];
  for (const [name, previous, current, resources, existing, introduced, resolved] of table) {
    it(name, () => {
      const previousResources = [
        deployment,
        { id: 'apps/Deployment//web', apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      ];
      const comparison = compareViolations(
        report(previous, previousResources),
        report(current, resources),
      );
      assert.deepEqual(
        [comparison.existing.size, comparison.introduced.length, comparison.resolved.length],
        [existing, introduced, resolved],
      );
    });
  }
});

describe('applyBaseline and --fail-on-new', () => {
  const previous = report([finding()]);
  const current = report([
    finding(),
    finding({
      controlId: 'host-namespaces',
      severity: 'high',
      messageId: 'host-network',
      path: ['spec'],
    }),
    finding({ controlId: 'image', severity: 'low', messageId: 'latest', path: ['x'] }),
    finding({ controlId: 'skip', status: 'skipped', path: [] }),
  ]);
  const marked = applyBaseline(current, previous);

  it('marks failed findings new or existing and leaves others unmarked', () => {
    assert.deepEqual(
      marked.findings.map((f) => f.baseline),
      ['existing', 'new', 'new', undefined],
    );
    assert.deepEqual(marked.summary.baseline, { new: 2, existing: 1, resolved: 0 });
  });

  it('gates only on new findings at or above --fail-on', () => {
    const gate = (failOn: 'critical' | 'high' | 'low', newOnly: boolean) =>
      judge(marked, { failOn, allowIncomplete: true, newOnly }).code;
    assert.equal(gate('critical', false), 1);
    assert.equal(gate('critical', true), 0);
    assert.equal(gate('high', true), 1);
    assert.match(
      judge(marked, { failOn: 'low', allowIncomplete: true, newOnly: true }).reasons[0] ?? '',
      /2 new findings/,
    );
  });

  it('leaves the input report untouched', () => {
    assert.equal(current.findings[0]?.baseline, undefined);
    assert.equal(current.summary.baseline, undefined);
  });
});

describe('parseReportJson', () => {
  const valid = JSON.stringify(sampleReport());
  it('accepts a ScanReport, with or without a byte order mark', () => {
    assert.equal(parseReportJson(valid, 'r.json').findings.length, sampleReport().findings.length);
    assert.equal(parseReportJson(`\ufeff${valid}`, 'r.json').kind, 'ScanReport');
  });

  it('accepts a v1alpha1 report of an earlier release, remediation on its findings and all', () => {
    const old = JSON.parse(valid) as Record<string, unknown>;
    old['apiVersion'] = 'cubecape.io/v1alpha1';
    for (const finding of old['findings'] as Record<string, unknown>[])
      finding['remediation'] = 'How to fix it.';
    const parsed = parseReportJson(JSON.stringify(old), 'old.json');
    assert.equal(parsed.findings.length, sampleReport().findings.length);
  });

  const mutate = (change: (r: Record<string, unknown>) => void): string => {
    const value = JSON.parse(valid) as Record<string, unknown>;
    change(value);
    return JSON.stringify(value);
  };
  const findings = (r: Record<string, unknown>) => r['findings'] as Record<string, unknown>[];
  const table: [string, string][] = [
    ['text that is not JSON', 'not json'],
    ['an empty file', ''],
    ['JSON null', 'null'],
    ['a JSON array', '[]'],
    ['a wrong apiVersion', mutate((r) => (r['apiVersion'] = 'cubecape.io/v9'))],
    ['a wrong kind', mutate((r) => (r['kind'] = 'ScanDiff'))],
    ['findings that are not a list', mutate((r) => (r['findings'] = {}))],
    ['missing resources', mutate((r) => delete r['resources'])],
    ['a finding that is null', mutate((r) => (findings(r)[0] = null as never))],
    ['a finding without a control id', mutate((r) => delete findings(r)[0]?.['controlId'])],
    ['a finding with a bad status', mutate((r) => ((findings(r)[0] ?? {})['status'] = 'passed'))],
    [
      'a finding with a bad severity',
      mutate((r) => ((findings(r)[0] ?? {})['severity'] = 'severe')),
    ],
    ['a finding path with null', mutate((r) => ((findings(r)[0] ?? {})['path'] = [null]))],
    [
      'a resource without a kind',
      mutate((r) => delete (r['resources'] as Record<string, unknown>[])[0]?.['kind']),
    ],
  ];
  for (const [name, text] of table) {
    it(`rejects ${name} as REPORT_INVALID naming the file`, () => {
      assert.throws(
        () => parseReportJson(text, 'base.json'),
        (error: unknown) =>
          error instanceof CubecapeError &&
          error.code === 'REPORT_INVALID' &&
          error.file === 'base.json',
      );
    });
  }
});
