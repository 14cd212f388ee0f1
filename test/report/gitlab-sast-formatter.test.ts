import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GITLAB_SCHEMA_VERSION, gitlabSast } from '../../src/report/formatters/gitlab-sast.js';
import type { FormatContext } from '../../src/report/formatters/types.js';
import type { ReportFinding, ScanReport } from '../../src/report/scan-report.js';
import {
  ANSI_ATTACK,
  cleanReport,
  errorsOnlyReport,
  LONG_VALUE,
  sampleReport,
} from './sample-report.js';

const ctx: FormatContext = { color: false, width: 80, cwd: '/repo' };
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Vulnerability {
  id: string;
  name: string;
  description: string;
  severity: string;
  solution?: string;
  identifiers: { type: string; name: string; value: string; url?: string }[];
  location: { file?: string; start_line?: number; end_line?: number };
}
interface SastReport {
  schema: string;
  version: string;
  scan: {
    analyzer: Record<string, unknown>;
    scanner: Record<string, unknown>;
    type: string;
    start_time: string;
    end_time: string;
    status: string;
    messages: { level: string; value: string }[];
  };
  vulnerabilities: Vulnerability[];
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * The required structure of GitLab's sast-report-format.json 15.x, checked by hand (the schema
 * is not vendored): required keys, enums, the time pattern and string/array length limits.
 */
function schemaProblems(report: SastReport): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  need(/^\d+\.\d+\.\d+$/.test(report.version), 'version');
  for (const key of ['analyzer', 'scanner'] as const) {
    const tool = report.scan[key];
    for (const field of ['id', 'name', 'version'])
      need(isNonEmptyString(tool[field]), `scan.${key}.${field}`);
    need(
      isNonEmptyString((tool['vendor'] as { name?: unknown } | undefined)?.name),
      `scan.${key}.vendor.name`,
    );
  }
  need(report.scan.type === 'sast', 'scan.type');
  need(TIME.test(report.scan.start_time) && TIME.test(report.scan.end_time), 'scan times');
  need(['success', 'failure'].includes(report.scan.status), 'scan.status');
  for (const message of report.scan.messages) {
    need(
      ['info', 'warn', 'fatal'].includes(message.level) && isNonEmptyString(message.value),
      'message',
    );
  }
  const ids = new Set<string>();
  for (const v of report.vulnerabilities) {
    need(isNonEmptyString(v.id) && !ids.has(v.id), `unique id ${v.id}`);
    ids.add(v.id);
    need(v.name.length <= 255, 'name length');
    need(['Info', 'Unknown', 'Low', 'Medium', 'High', 'Critical'].includes(v.severity), 'severity');
    need(v.solution === undefined || v.solution.length <= 7000, 'solution length');
    need(v.identifiers.length >= 1 && v.identifiers.length <= 20, 'identifiers count');
    for (const identifier of v.identifiers) {
      need(
        isNonEmptyString(identifier.type) &&
          isNonEmptyString(identifier.name) &&
          isNonEmptyString(identifier.value),
        'identifier',
      );
    }
    need(typeof v.location === 'object', 'location');
    if (v.location.start_line !== undefined)
      need(Number.isInteger(v.location.start_line) && v.location.start_line >= 1, 'start_line');
  }
  return problems;
}

function parse(report: ScanReport): SastReport {
  return JSON.parse(gitlabSast(report, ctx)) as SastReport;
}

describe('gitlab-sast formatter', () => {
  for (const [name, report] of [
    ['sample', sampleReport()],
    ['clean', cleanReport()],
    ['errors only', errorsOnlyReport()],
  ] as const) {
    it(`has the structure the 15.x schema requires: ${name}`, () => {
      assert.deepEqual(schemaProblems(parse(report)), []);
    });
  }

  it('the structure check catches a broken report', () => {
    const broken = parse(sampleReport());
    broken.scan.start_time = '2025-03-14T09:26:53.589Z';
    broken.vulnerabilities[0]!.severity = 'critical';
    broken.vulnerabilities[1]!.identifiers = [];
    assert.equal(schemaProblems(broken).length, 3);
  });

  it('describes the scan', () => {
    const { scan, version } = parse(sampleReport());
    assert.equal(version, GITLAB_SCHEMA_VERSION);
    assert.equal(scan.start_time, '2025-03-14T09:26:53');
    assert.equal(scan.end_time, '2025-03-14T09:26:53');
    assert.equal(scan.status, 'failure');
    assert.deepEqual(
      scan.messages.map((m) => m.level),
      ['warn', 'info'],
    );
    assert.equal(
      scan.messages[0]?.value,
      `deploy/broken.yaml: YAML_SYNTAX: unexpected end of flow sequence ${ANSI_ATTACK}`,
    );
    assert.equal(parse(cleanReport()).scan.status, 'success');
  });

  it('has one vulnerability per failed finding, most severe first', () => {
    const { vulnerabilities } = parse(sampleReport());
    assert.deepEqual(
      vulnerabilities.map((v) => [
        v.severity,
        v.identifiers[0]?.value,
        v.location.file,
        v.location.start_line,
      ]),
      [
        ['Critical', 'privileged-container', 'deploy/web.yaml', 24],
        ['High', 'wildcard-rbac', undefined, undefined],
        ['Medium', 'image-tag', 'deploy/pod <&>.yaml', 9],
        ['Medium', 'image-tag', 'deploy/web.yaml', 20],
      ],
    );
    const [privileged] = vulnerabilities;
    assert.equal(privileged?.name, 'Privileged container');
    assert.equal(
      privileged.solution,
      'Set securityContext.privileged to false or remove it.\nSecond line is not shown.',
    );
    assert.match(privileged.id, UUID);
    assert.deepEqual(privileged.identifiers, [
      {
        type: 'cubecape_control',
        name: 'cubecape privileged-container',
        value: 'privileged-container',
        url: 'https://cubecape.io/controls/privileged-container',
      },
      { type: 'kubescape_control', name: 'kubescape C-0057', value: 'C-0057' },
      { type: 'checkov_control', name: 'checkov CKV_K8S_16', value: 'CKV_K8S_16' },
      { type: 'pss_control', name: 'pss privileged', value: 'privileged' },
    ]);
    assert.match(
      privileged.description,
      /^Container "web" runs privileged\.\n\nResource: apps\/Deployment\/prod\/web\nLocation: deploy\/web\.yaml:24\nFound: true\n\nA privileged container/,
    );
  });

  it('keeps hostile text in JSON strings and cuts very long evidence', () => {
    const output = gitlabSast(sampleReport(), ctx);
    assert.ok(!output.includes('\x1b'));
    const pod = parse(sampleReport()).vulnerabilities.find(
      (v) => v.location.file === 'deploy/pod <&>.yaml',
    );
    assert.ok(pod?.description.includes(LONG_VALUE.slice(0, 1000)));
    assert.ok(!pod?.description.includes(LONG_VALUE));
  });

  it('keeps ids when lines move', () => {
    const base = sampleReport();
    const moved = sampleReport({
      findings: base.findings.map((f): ReportFinding =>
        f.location === undefined
          ? f
          : { ...f, location: { ...f.location, line: f.location.line + 3 } },
      ),
    });
    assert.deepEqual(
      parse(moved).vulnerabilities.map((v) => v.id),
      parse(base).vulnerabilities.map((v) => v.id),
    );
  });

  it('caps names and identifiers at the schema limits', () => {
    const base = sampleReport();
    const report = sampleReport({
      controls: base.controls.map((c) => ({
        ...c,
        title: 'T'.repeat(1000),
        aliases: { kubescape: Array.from({ length: 40 }, (_, i) => `C-${i}`) },
      })),
    });
    assert.deepEqual(schemaProblems(parse(report)), []);
  });
});
