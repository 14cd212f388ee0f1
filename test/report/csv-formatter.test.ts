import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CSV_COLUMNS, csv } from '../../src/report/formatters/csv.js';
import type { FormatContext } from '../../src/report/formatters/types.js';
import type { ReportFinding, ScanReport } from '../../src/report/scan-report.js';
import {
  ANSI_ATTACK,
  cleanReport,
  errorsOnlyReport,
  LONG_VALUE,
  MARKUP_ATTACK,
  sampleReport,
} from './sample-report.js';

const ctx: FormatContext = { color: false, width: 80, cwd: '/repo' };

/**
 * A strict RFC 4180 parser: fields separated by commas, records by CRLF, quoted fields may hold
 * commas, CR, LF and doubled quotes. Throws on anything the grammar does not allow (a quote
 * inside an unquoted field, text after a closing quote, a bare LF between records).
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const field = (): string => {
    if (text[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i += 1;
            return value;
          }
        } else value += text.charAt(i++);
      }
    }
    const start = i;
    while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
      if (text[i] === '"') throw new Error(`quote in unquoted field at ${i}`);
      i += 1;
    }
    return text.slice(start, i);
  };
  while (i < text.length) {
    record.push(field());
    if (text[i] === ',') i += 1;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}, got ${JSON.stringify(text[i])}`);
  }
  if (record.length > 0) throw new Error('last record has no CRLF');
  return records;
}

function rows(report: ScanReport): Record<string, string>[] {
  const [header, ...records] = parseCsv(csv(report, ctx));
  assert.deepEqual(header, [...CSV_COLUMNS]);
  return records.map((record) => {
    assert.equal(record.length, CSV_COLUMNS.length);
    return Object.fromEntries(CSV_COLUMNS.map((name, index) => [name, record[index] ?? '']));
  });
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

describe('csv formatter', () => {
  it('test parser rejects malformed CSV, so parsing back proves something', () => {
    assert.throws(() => parseCsv('a,b"c\r\n'));
    assert.throws(() => parseCsv('"a"b\r\n'));
    assert.throws(() => parseCsv('a\nb\r\n'));
    assert.throws(() => parseCsv('"open\r\n'));
    assert.deepEqual(parseCsv('"a,""b""\r\nc",d\r\n'), [['a,"b"\r\nc', 'd']]);
  });

  it('writes a row per finding, most severe first, with every column', () => {
    const parsed = rows(sampleReport());
    assert.deepEqual(
      parsed.map((r) => [r['severity'], r['control_id'], r['status']]),
      [
        ['critical', 'privileged-container', 'failed'],
        ['high', 'wildcard-rbac', 'failed'],
        ['medium', 'image-tag', 'failed'],
        ['medium', 'image-tag', 'failed'],
        ['medium', 'image-tag', 'excepted'],
        ['low', 'node-kernel-params', 'skipped'],
      ],
    );
    assert.deepEqual(parsed[0], {
      severity: 'critical',
      control_id: 'privileged-container',
      control_title: 'Privileged container',
      status: 'failed',
      resource_kind: 'Deployment',
      resource_namespace: 'prod',
      resource_name: 'web',
      resource_id: 'apps/Deployment/prod/web',
      file: 'deploy/web.yaml',
      line: '24',
      column: '13',
      path: '/spec/template/spec/containers/0/securityContext/privileged',
      message: 'Container "web" runs privileged.',
      evidence: 'true',
      remediation:
        'Set securityContext.privileged to false or remove it.\nSecond line is not shown.',
    });
  });

  it('keeps hostile text exactly: quotes, commas, newlines, markup, non-ASCII, long values', () => {
    const parsed = rows(sampleReport());
    const rbac = parsed.find((r) => r['control_id'] === 'wildcard-rbac');
    assert.equal(rbac?.['evidence'], `*${ANSI_ATTACK}\r\nsecond line\ttab\x07\x9b31m`);
    assert.equal(rbac['file'], '<stdin>');
    assert.equal(rbac['resource_name'], `admin${ANSI_ATTACK}`);
    const pod = parsed.find((r) => r['resource_name'] === '日本語-🚀');
    assert.equal(pod?.['evidence'], LONG_VALUE);
    assert.equal(pod['file'], 'deploy/pod <&>.yaml');
    const markup = rows(
      sampleReport({ findings: [finding({ message: `${MARKUP_ATTACK}, "x"` })] }),
    );
    assert.equal(markup[0]?.['message'], `${MARKUP_ATTACK}, "x"`);
  });

  const formulas: [string, string][] = [
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['a=1', 'a=1'],
    ['', ''],
  ];
  for (const [input, expected] of formulas) {
    it(`defuses formula injection: ${JSON.stringify(input)}`, () => {
      const parsed = rows(
        sampleReport({ findings: [finding({ message: input, evidence: input })] }),
      );
      assert.equal(parsed[0]?.['message'], expected);
      assert.equal(parsed[0]['evidence'], expected);
    });
  }

  it('leaves cells empty for what is unknown', () => {
    const parsed = rows(
      sampleReport({ findings: [finding({ resourceId: 'not/listed', controlId: 'unknown' })] }),
    );
    assert.equal(parsed[0]?.['resource_kind'], '');
    assert.equal(parsed[0]['file'], '');
    assert.equal(parsed[0]['line'], '');
    assert.equal(parsed[0]['control_title'], '');
  });

  it('writes only the header when there are no findings', () => {
    for (const report of [cleanReport(), errorsOnlyReport()]) {
      assert.equal(csv(report, ctx), `${CSV_COLUMNS.join(',')}\r\n`);
    }
  });

  it('is deterministic', () => {
    assert.equal(csv(sampleReport(), ctx), csv(sampleReport(), ctx));
  });
});
