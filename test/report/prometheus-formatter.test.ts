import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeLabelValue, prometheus } from '../../src/report/formatters/prometheus.js';
import type { FormatContext } from '../../src/report/formatters/types.js';
import type { ScanReport } from '../../src/report/scan-report.js';
import {
  ANSI_ATTACK,
  cleanReport,
  errorsOnlyReport,
  MARKUP_ATTACK,
  sampleReport,
} from './sample-report.js';

const ctx: FormatContext = { color: false, width: 80 };

interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}
interface ParsedFamily {
  help: string;
  type: string;
  samples: ParsedSample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Reads `name="escaped value",…}` from `line` at `i`; returns labels and the index after `}`. */
function parseLabels(line: string, start: number): [Record<string, string>, number] {
  const labels: Record<string, string> = {};
  let i = start;
  while (line[i] !== '}') {
    const eq = line.indexOf('=', i);
    const name = line.slice(i, eq);
    assert.match(name, LABEL_NAME, `label name in ${line}`);
    assert.equal(line[eq + 1], '"', `label value must be quoted: ${line}`);
    let value = '';
    i = eq + 2;
    while (line[i] !== '"') {
      assert.ok(i < line.length, `unterminated label value: ${line}`);
      if (line[i] === '\\') {
        const next = line[i + 1];
        assert.ok(next === '\\' || next === '"' || next === 'n', `bad escape \\${next ?? ''}`);
        value += next === 'n' ? '\n' : next;
        i += 2;
      } else value += line.charAt(i++);
    }
    assert.ok(!Object.hasOwn(labels, name), `duplicate label ${name}`);
    labels[name] = value;
    i += 1;
    if (line[i] === ',') i += 1;
    else assert.equal(line[i], '}', `expected , or } in ${line}`);
  }
  return [labels, i + 1];
}

/**
 * A strict reader of the text exposition format: HELP then TYPE before a family's samples,
 * metric and label names by the grammar, escapes only `\\`, `\"`, `\n`, values that parse as
 * floats, no duplicate series, and a final line feed.
 */
function parseExposition(text: string): Map<string, ParsedFamily> {
  assert.ok(text.endsWith('\n'), 'must end with a line feed');
  const families = new Map<string, ParsedFamily>();
  const seen = new Set<string>();
  let current: string | undefined;
  for (const line of text.slice(0, -1).split('\n')) {
    const comment = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (comment !== null) {
      const [, kind, name = '', rest = ''] = comment;
      assert.match(name, METRIC_NAME);
      if (kind === 'HELP') {
        assert.ok(!families.has(name), `family ${name} repeated`);
        families.set(name, { help: rest, type: '', samples: [] });
        current = name;
      } else {
        assert.equal(name, current, 'TYPE must follow its HELP');
        assert.ok(['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest));
        families.get(name)!.type = rest;
      }
      continue;
    }
    const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0] ?? '';
    assert.equal(name, current, `sample outside its family: ${line}`);
    let i = name.length;
    let labels: Record<string, string> = {};
    if (line[i] === '{') [labels, i] = parseLabels(line, i + 1);
    assert.equal(line[i], ' ', `expected a space before the value: ${line}`);
    const valueText = line.slice(i + 1);
    assert.match(valueText, /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|NaN|[+-]Inf)$/);
    const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    assert.ok(!seen.has(key), `duplicate series ${key}`);
    seen.add(key);
    families
      .get(name)!
      .samples.push({ name, labels, value: Number(valueText.replace('Inf', 'Infinity')) });
  }
  return families;
}

function values(
  families: Map<string, ParsedFamily>,
  name: string,
): [Record<string, string>, number][] {
  return (families.get(name)?.samples ?? []).map((s) => [s.labels, s.value]);
}

describe('prometheus formatter', () => {
  it('the exposition reader rejects what the grammar forbids', () => {
    const bad = [
      'x 1\n',
      '# HELP x h\n# TYPE x gauge\nx{a="b} 1\n',
      '# HELP x h\n# TYPE x gauge\nx{a="\\t"} 1\n',
      '# HELP x h\n# TYPE x gauge\nx 1\nx 2\n',
      '# HELP x h\n# TYPE x gauge\nx one\n',
      '# HELP x h\n# TYPE x gauge\nx 1',
    ];
    for (const text of bad) assert.throws(() => parseExposition(text), JSON.stringify(text));
  });

  for (const [name, report] of [
    ['sample', sampleReport()],
    ['clean', cleanReport()],
    ['errors only', errorsOnlyReport()],
  ] as const) {
    it(`follows the exposition grammar, every family a gauge with help: ${name}`, () => {
      const families = parseExposition(prometheus(report, ctx));
      for (const [family, parsed] of families) {
        assert.equal(parsed.type, 'gauge', family);
        assert.ok(parsed.help.length > 0);
      }
    });
  }

  it('counts failed findings by control and severity', () => {
    const families = parseExposition(prometheus(sampleReport(), ctx));
    assert.deepEqual(values(families, 'cubecape_findings'), [
      [{ control: 'privileged-container', severity: 'critical' }, 1],
      [{ control: 'image-tag', severity: 'medium' }, 2],
      [{ control: 'wildcard-rbac', severity: 'high' }, 1],
      [{ control: 'node-kernel-params', severity: 'low' }, 0],
    ]);
  });

  it('reports control status as one-hot series and per-result resource counts', () => {
    const families = parseExposition(prometheus(sampleReport(), ctx));
    const statuses = values(families, 'cubecape_control_status');
    assert.equal(statuses.length, 4 * 6);
    assert.deepEqual(
      statuses
        .filter(([, value]) => value === 1)
        .map(([labels]) => [labels['control'], labels['status']]),
      [
        ['privileged-container', 'failed'],
        ['image-tag', 'failed'],
        ['wildcard-rbac', 'failed'],
        ['node-kernel-params', 'skipped'],
      ],
    );
    const imageTag = values(families, 'cubecape_control_resources').filter(
      ([l]) => l['control'] === 'image-tag',
    );
    assert.deepEqual(
      imageTag.map(([l, v]) => [l['result'], v]),
      [
        ['passed', 0],
        ['failed', 2],
        ['excepted', 1],
        ['skipped', 0],
        ['error', 0],
      ],
    );
  });

  it('reports scores, leaving out what was not judged, and scan figures', () => {
    const families = parseExposition(prometheus(sampleReport(), ctx));
    assert.deepEqual(values(families, 'cubecape_framework_score'), [
      [{ framework: 'nsa-cisa' }, 72.4],
      [{ framework: 'cis-1.9' }, 0],
    ]);
    assert.deepEqual(values(families, 'cubecape_score'), [[{}, 41.7]]);
    assert.deepEqual(values(families, 'cubecape_resources_scanned'), [[{}, 4]]);
    assert.deepEqual(values(families, 'cubecape_scan_duration_seconds'), [[{}, 0.042]]);
    assert.deepEqual(values(families, 'cubecape_scan_timestamp_seconds'), [[{}, 1741944413.589]]);
    assert.deepEqual(values(families, 'cubecape_scan_errors'), [
      [{ severity: 'error' }, 1],
      [{ severity: 'warning' }, 1],
    ]);
    assert.deepEqual(values(families, 'cubecape_build_info'), [[{ version: '0.1.0' }, 1]]);
    const empty = parseExposition(prometheus(errorsOnlyReport(), ctx));
    assert.deepEqual(values(empty, 'cubecape_score'), []);
  });

  it('escapes hostile label values so they read back exactly', () => {
    const hostile = `${MARKUP_ATTACK} back\\slash "q"\nnew line ${ANSI_ATTACK} 日本語`;
    const base = sampleReport();
    const report: ScanReport = sampleReport({
      controls: base.controls.map((c) => ({ ...c, id: `${c.id}${hostile}` })),
      findings: base.findings.map((f) => ({ ...f, controlId: `${f.controlId}${hostile}` })),
      frameworks: base.frameworks.map((f) => ({ ...f, id: `${f.id}${hostile}` })),
    });
    const families = parseExposition(prometheus(report, ctx));
    assert.equal(values(families, 'cubecape_findings')[1]?.[0]['control'], `image-tag${hostile}`);
    assert.equal(
      values(families, 'cubecape_framework_score')[0]?.[0]['framework'],
      `nsa-cisa${hostile}`,
    );
    assert.equal(escapeLabelValue('a\\b"c\nd'), 'a\\\\b\\"c\\nd');
  });

  it('is deterministic', () => {
    assert.equal(prometheus(sampleReport(), ctx), prometheus(sampleReport(), ctx));
  });
});
