import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MARKDOWN_LIMIT, MARKDOWN_TOP, markdown } from '../../src/report/formatters/markdown.js';
import { mdText } from '../../src/report/formatters/markdown-text.js';
import { safeText } from '../../src/report/formatters/terminal-text.js';
import type { FormatContext } from '../../src/report/formatters/types.js';
import type { ReportFinding, ScanReport } from '../../src/report/scan-report.js';
import {
  ANSI_ATTACK,
  BIDI_ATTACK,
  cleanReport,
  errorsOnlyReport,
  LONG_VALUE,
  MARKUP_ATTACK,
  sampleReport,
} from './sample-report.js';

const ctx: FormatContext = { color: false, width: 80, cwd: '/repo' };
const ALLOWED_TAGS = /<\/?(details|summary|sub)>/g;

function decode(text: string): string {
  return text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)));
}

/** Table rows as cells, checking each row of a table has as many cells as its header. */
function tables(output: string): string[][][] {
  const found: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of output.split('\n')) {
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    assert.ok(line.endsWith(' |'), `table row does not end with a pipe: ${line}`);
    const cells = line.slice(2, -2).split(' | ');
    if (current === undefined) {
      current = [];
      found.push(current);
    } else assert.equal(cells.length, current[0]?.length, `broken row: ${line}`);
    current.push(cells);
  }
  return found;
}

function failed(index: number, overrides: Partial<ReportFinding> = {}): ReportFinding {
  return {
    controlId: 'image-tag',
    resourceId: 'apps/Deployment/prod/web',
    status: 'failed',
    severity: 'medium',
    messageId: 'latest',
    message: `finding ${index} ${'x'.repeat(200)}`,
    path: ['spec'],
    location: {
      file: `deploy/f${String(index).padStart(5, '0')}.yaml`,
      line: index + 1,
      column: 1,
    },
    ...overrides,
  };
}

describe('markdown escaping', () => {
  const hostile = [
    MARKUP_ATTACK,
    ANSI_ATTACK,
    BIDI_ATTACK,
    '| a | b |',
    '`code` *em* _u_ [l](http://x) @team #1',
    '<img src=x onerror=alert(1)>',
    'line\nbreak',
    '\\|',
  ];
  for (const value of hostile) {
    it(`cannot inject markup: ${JSON.stringify(value)}`, () => {
      const escaped = mdText(value);
      assert.doesNotMatch(escaped, /[<>|`*_[\]@\n\x1b\u202e]/u);
      assert.equal(decode(escaped), safeText(value));
    });
  }

  it('cuts long values to the cell limit', () => {
    const escaped = decode(mdText(LONG_VALUE));
    assert.equal(Array.from(escaped).length, 300);
    assert.ok(escaped.endsWith('…'));
  });
});

describe('markdown formatter', () => {
  it('gives the verdict, the counts by severity and the scores', () => {
    const output = markdown(sampleReport(), ctx);
    assert.match(
      output,
      /^### cubecape scan: failed\n\n4 failed findings · 4 resources scanned · score 41\.7% · 1 error: the scan is incomplete/,
    );
    const [severities, scores] = tables(output);
    assert.deepEqual(severities?.slice(2), [
      ['Critical', '1'],
      ['High', '1'],
      ['Medium', '2'],
      ['Low', '0'],
      ['Info', '0'],
    ]);
    assert.deepEqual(
      scores?.slice(2).map((row) => row[1]),
      ['72.4%', '0.0%', 'n/a', '41.7%'],
    );
    assert.match(output, /<sub>cubecape 0\.1\.0 · 1 excepted finding · 1 skipped check<\/sub>\n$/);
  });

  it('lists failed findings most severe first with file:line, control and message', () => {
    const findings = tables(markdown(sampleReport(), ctx))[2]?.slice(2) ?? [];
    assert.deepEqual(
      findings.map((row) => [row[0], decode(row[1] ?? ''), decode(row[2] ?? '')]),
      [
        ['Critical', 'deploy/web.yaml:24', 'privileged-container'],
        ['High', '<stdin>:7', 'wildcard-rbac'],
        ['Medium', 'deploy/pod <&>.yaml:9', 'image-tag'],
        ['Medium', 'deploy/web.yaml:20', 'image-tag'],
      ],
    );
    assert.equal(
      decode(findings[3]?.[3] ?? ''),
      'Container "web" uses image tag <latest> & it is mutable ]]>',
    );
    assert.equal(
      decode(findings[1]?.[3] ?? ''),
      'Rule grants every verb \\x1b[2J\\x1b[31mpwned\\x1b[0m',
    );
  });

  it('lets no markup through but its own few tags', () => {
    for (const report of [sampleReport(), errorsOnlyReport(), cleanReport()]) {
      const output = markdown(report, ctx).replace(ALLOWED_TAGS, '');
      assert.doesNotMatch(output, /[<>\x1b\u202e]/u);
      tables(output);
    }
  });

  it('says passed for a clean scan and incomplete when only errors', () => {
    assert.match(markdown(cleanReport(), ctx), /^### cubecape scan: passed\n\nno failed findings/);
    const errors = markdown(errorsOnlyReport(), ctx);
    assert.match(errors, /^### cubecape scan: incomplete/);
    assert.match(errors, /<summary>Errors \(2\): these inputs were not scanned<\/summary>/);
    assert.match(errors, /- broken\.yaml:4: YAML&#95;SYNTAX: bad indentation/);
  });

  it(`shows ${MARKDOWN_TOP} findings, folds the rest into <details>`, () => {
    const findings = Array.from({ length: 25 }, (_, i) =>
      failed(i, { severity: i === 20 ? 'critical' : 'medium' }),
    );
    const output = markdown(sampleReport({ findings }), ctx);
    const [, , top, rest] = tables(output);
    assert.equal(top?.length, 2 + MARKDOWN_TOP);
    assert.equal(top[2]?.[0], 'Critical');
    assert.equal(rest?.length, 2 + 15);
    assert.match(output, /<details><summary>15 more findings<\/summary>/);
    assert.doesNotMatch(output, /not shown/);
  });

  it('stays under the comment limit and says how many findings it left out', () => {
    const findings = Array.from({ length: 3000 }, (_, i) =>
      failed(i, { message: `${MARKUP_ATTACK} ${LONG_VALUE}` }),
    );
    const errors = Array.from({ length: 500 }, (_, i) => ({
      code: 'YAML_SYNTAX',
      message: `${'|'.repeat(400)} ${i}`,
      file: `f${i}.yaml`,
      severity: 'error' as const,
    }));
    const report: ScanReport = sampleReport({ findings, errors });
    const output = markdown(report, ctx);
    assert.ok(output.length <= MARKDOWN_LIMIT, `${output.length} characters`);
    const shown = tables(output)
      .slice(2)
      .reduce((sum, table) => sum + table.length - 2, 0);
    assert.ok(shown > MARKDOWN_TOP);
    assert.match(
      output,
      new RegExp(
        `_${(3000 - shown).toLocaleString('en-US')} more findings not shown; see the full report\\._`,
      ),
    );
    assert.match(output, /- and \d+ more; see the full report/);
  });

  it('is deterministic', () => {
    assert.equal(markdown(sampleReport(), ctx), markdown(sampleReport(), ctx));
  });
});
