import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate } from '../../src/engine/evaluate.js';
import { EXIT, judge } from '../../src/engine/gate.js';
import { buildReport } from '../../src/report/build.js';
import type { IngestIssue } from '../../src/ingest/types.js';
import type { Resource } from '../../src/model/resource.js';
import { context, flagControl, resource } from './fixtures.js';

function report(
  resources: Resource[],
  issues: IngestIssue[] = [],
  severity: 'high' | 'low' = 'high',
) {
  const controls = [flagControl('flag', severity)];
  return buildReport({
    toolVersion: '0.0.0',
    scannedAt: new Date(0),
    durationMs: 1,
    inputs: [],
    resources,
    evaluation: evaluate(resources, controls, context(resources)),
    frameworks: [],
    allFrameworks: [],
    issues,
  });
}

const syntaxError: IngestIssue = {
  code: 'YAML_SYNTAX',
  message: 'bad',
  severity: 'error',
  file: 'x.yaml',
  line: 3,
};

describe('judge (exit codes)', () => {
  const bad = resource('Pod', 'bad', { bad: true });
  const good = resource('Pod', 'good');

  it('0 when nothing reaches the gate', () => {
    assert.equal(judge(report([good]), { failOn: 'high', allowIncomplete: false }).code, EXIT.OK);
    assert.equal(
      judge(report([bad], [], 'low'), { failOn: 'high', allowIncomplete: false }).code,
      EXIT.OK,
    );
  });

  it('1 for findings at or above --fail-on, or a score under --fail-under', () => {
    assert.equal(
      judge(report([bad]), { failOn: 'high', allowIncomplete: false }).code,
      EXIT.GATE_FAILED,
    );
    assert.equal(
      judge(report([bad], [], 'low'), { failOn: 'low', allowIncomplete: false }).code,
      EXIT.GATE_FAILED,
    );
    assert.equal(judge(report([bad]), { failOn: 'none', allowIncomplete: false }).code, EXIT.OK);
    const scored = judge(report([bad, good]), {
      failOn: 'none',
      failUnder: 60,
      allowIncomplete: false,
    });
    assert.equal(scored.code, EXIT.GATE_FAILED);
    assert.match(scored.reasons[0] ?? '', /score 50 is below 60/);
  });

  it('3 for incomplete input, winning over 1, unless allowed', () => {
    const verdict = judge(report([bad], [syntaxError]), { failOn: 'high', allowIncomplete: false });
    assert.equal(verdict.code, EXIT.INCOMPLETE);
    assert.equal(verdict.reasons.length, 2, 'the gate failure is still reported');
    assert.equal(
      judge(report([bad], [syntaxError]), { failOn: 'high', allowIncomplete: true }).code,
      EXIT.GATE_FAILED,
    );
    assert.equal(
      judge(report([good], [syntaxError]), { failOn: 'high', allowIncomplete: true }).code,
      EXIT.OK,
    );
  });

  it('3 when nothing was scanned; warnings alone do not make a scan incomplete', () => {
    assert.equal(
      judge(report([]), { failOn: 'high', allowIncomplete: false }).code,
      EXIT.INCOMPLETE,
    );
    const warning: IngestIssue = { code: 'NOT_KUBERNETES', message: 'skip', severity: 'warning' };
    assert.equal(
      judge(report([good], [warning]), { failOn: 'high', allowIncomplete: false }).code,
      EXIT.OK,
    );
  });
});
