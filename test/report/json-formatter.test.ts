import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatters, isFormatName } from '../../src/report/formatters/index.js';
import { json, jsonChunks } from '../../src/report/formatters/json.js';
import { orderKeys, REPORT_KEY_ORDER } from '../../src/report/formatters/key-order.js';
import type { ScanReport } from '../../src/report/scan-report.js';
import {
  ANSI_ATTACK,
  cleanReport,
  errorsOnlyReport,
  LONG_VALUE,
  sampleReport,
} from './sample-report.js';

const ctx = { color: true, width: 80 };

/** The same report with every object's keys reversed, as a builder might produce them. */
function scrambled(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrambled);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, scrambled(child)]),
  );
}

describe('json formatter', () => {
  const reports: [string, ScanReport][] = [
    ['the hostile sample', sampleReport()],
    ['a clean report', cleanReport()],
    ['a report with only errors', errorsOnlyReport()],
  ];
  for (const [name, report] of reports) {
    it(`round-trips ${name}`, () => {
      const output = json(report, ctx);
      assert.ok(output.endsWith('}\n'));
      assert.deepEqual(JSON.parse(output), report);
    });
  }

  it('keeps hostile text intact: the JSON escapes it, the parser restores it', () => {
    const output = json(sampleReport(), ctx);
    assert.ok(!output.includes('\x1b'), 'raw ESC in JSON output');
    assert.ok(output.includes('\\u001b[2J'));
    const parsed = JSON.parse(output) as ScanReport;
    assert.equal(parsed.findings[3]?.message, `Rule grants every verb ${ANSI_ATTACK}`);
    assert.equal(parsed.findings[2]?.evidence, LONG_VALUE);
  });

  it('streams in chunks exactly the text JSON.stringify gives the ordered report', () => {
    for (const [, report] of reports) {
      const expected = `${JSON.stringify(orderKeys(report, REPORT_KEY_ORDER), null, 2)}\n`;
      assert.equal([...jsonChunks(report)].join(''), expected);
    }
    // Many findings: the text comes in several chunks, none of them empty.
    const base = sampleReport();
    const first = base.findings[0];
    assert.ok(first !== undefined);
    const big: ScanReport = {
      ...base,
      findings: Array.from({ length: 6000 }, (_, i) => ({
        ...first,
        message: `m${i}…`.repeat(20),
      })),
    };
    const chunks = [...jsonChunks(big)];
    assert.ok(chunks.length > 2, `only ${chunks.length} chunks`);
    assert.ok(chunks.every((chunk) => chunk.length > 0));
    assert.equal(chunks.join(''), `${JSON.stringify(orderKeys(big, REPORT_KEY_ORDER), null, 2)}\n`);
  });

  it('is indented by two spaces', () => {
    assert.match(
      json(sampleReport(), ctx),
      /^\{\n {2}"apiVersion": "cubecape\.io\/v1alpha2",\n {2}"kind": "ScanReport",/,
    );
  });

  it('writes keys in the documented order whatever order the report was built in', () => {
    const report = sampleReport();
    const fromScrambled = json(scrambled(report) as ScanReport, ctx);
    assert.equal(fromScrambled, json(report, ctx));
    const parsed = JSON.parse(fromScrambled) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), REPORT_KEY_ORDER.keys);
    const finding = (parsed['findings'] as Record<string, unknown>[])[0] ?? {};
    assert.deepEqual(Object.keys(finding), [
      'controlId',
      'resourceId',
      'status',
      'severity',
      'messageId',
      'message',
      'path',
      'location',
      'evidence',
      'fix',
    ]);
    const error = (parsed['errors'] as Record<string, unknown>[])[0] ?? {};
    assert.deepEqual(Object.keys(error), ['code', 'message', 'file', 'line', 'column', 'severity']);
  });

  it('keeps the inner order of a fix value, which is user data', () => {
    const report = sampleReport();
    const finding = report.findings[0];
    assert.ok(finding);
    const withValue = {
      ...finding,
      fix: [{ op: 'set' as const, path: ['spec'], value: { z: 1, a: 2 } }],
    };
    const output = json({ ...report, findings: [withValue] }, ctx);
    assert.match(output, /"z": 1,\s+"a": 2/);
  });

  it('never drops a key it does not know, and keeps it after the known ones', () => {
    const ordered = orderKeys({ future: 1, kind: 'ScanReport', apiVersion: 'x' }, REPORT_KEY_ORDER);
    assert.deepEqual(Object.keys(ordered as object), ['apiVersion', 'kind', 'future']);
  });

  it('treats a hostile __proto__ key as data, not as a prototype', () => {
    const hostile = JSON.parse('{"kind":"ScanReport","__proto__":{"polluted":true}}') as unknown;
    const ordered = orderKeys(hostile, REPORT_KEY_ORDER) as Record<string, unknown>;
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(JSON.stringify(ordered), '{"kind":"ScanReport","__proto__":{"polluted":true}}');
  });

  for (const value of [null, 3, 'text', [1, 2], undefined]) {
    it(`orderKeys leaves ${String(value)} as it is`, () => {
      assert.deepEqual(orderKeys(value, REPORT_KEY_ORDER), value);
    });
  }
});

describe('formatter registry', () => {
  it('has every documented format, each returning text that ends in a newline', () => {
    for (const name of ['json', 'pretty', 'sarif', 'junit', 'csv', 'markdown', 'html']) {
      assert.ok(Object.keys(formatters).includes(name), name);
    }
    for (const format of Object.values(formatters))
      assert.ok(format(sampleReport(), ctx).endsWith('\n'));
  });

  const names: [string, boolean][] = [
    ['json', true],
    ['pretty', true],
    ['sarif', true],
    ['xml', false],
    ['toString', false],
    ['__proto__', false],
    ['', false],
  ];
  for (const [name, known] of names) {
    it(`isFormatName(${JSON.stringify(name)}) is ${known}`, () => {
      assert.equal(isFormatName(name), known);
    });
  }
});
