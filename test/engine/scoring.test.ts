import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Severity } from '../../src/core/severity.js';
import type { ControlOutcome, Evaluation } from '../../src/engine/evaluate.js';
import {
  complianceScore,
  controlScore,
  weightedScore,
  type ScoredOutcome,
} from '../../src/engine/scoring.js';
import { defineFramework } from '../../src/frameworks/define.js';
import { buildReport } from '../../src/report/build.js';
import { flagControl } from './fixtures.js';

function outcome(
  severity: Severity,
  passed: number,
  failed: number,
  excepted?: number,
): ScoredOutcome {
  return {
    control: { severity },
    counts: excepted === undefined ? { passed, failed } : { passed, failed, excepted },
  };
}

describe('controlScore', () => {
  const table: readonly [string, ScoredOutcome, number | undefined][] = [
    ['all passed', outcome('high', 4, 0), 100],
    ['all failed', outcome('high', 0, 3), 0],
    ['one of three passed, rounded to one decimal', outcome('low', 1, 2), 33.3],
    ['excepted counts as passed', outcome('low', 1, 1, 2), 75],
    ['nothing judged', outcome('critical', 0, 0), undefined],
    ['only excepted', outcome('info', 0, 0, 5), 100],
  ];
  for (const [name, input, expected] of table) {
    it(name, () => {
      assert.equal(controlScore(input), expected);
    });
  }
});

describe('complianceScore', () => {
  const table: readonly [string, readonly ScoredOutcome[], number | undefined][] = [
    ['no controls', [], undefined],
    ['only controls that judged nothing', [outcome('high', 0, 0), outcome('low', 0, 0)], undefined],
    ['one control', [outcome('high', 9, 1)], 90],
    // Weighted, the critical control dominates (83.6); unweighted, each control counts once.
    ['critical 9/10 and low 2/10', [outcome('critical', 9, 1), outcome('low', 2, 8)], 55],
    // Resource counts do not matter: 1/1 and 0/100 average to 50, not 1/101.
    ['controls of very different sizes', [outcome('low', 1, 0), outcome('low', 0, 100)], 50],
    [
      'controls that judged nothing are left out',
      [outcome('low', 1, 0), outcome('high', 0, 0)],
      100,
    ],
    // Mean of unrounded shares (1/3, 2/3, 1/3) is 4/9 = 44.4, rounded once.
    [
      'rounds once, after the mean',
      [outcome('low', 1, 2), outcome('low', 2, 1), outcome('low', 1, 2)],
      44.4,
    ],
    ['excepted counts as passed', [outcome('medium', 0, 1, 1), outcome('info', 0, 2)], 25],
  ];
  for (const [name, input, expected] of table) {
    it(name, () => {
      assert.equal(complianceScore(input), expected);
    });
  }

  it('differs from the weighted score when severities differ', () => {
    const outcomes = [outcome('critical', 9, 1), outcome('low', 2, 8)];
    assert.equal(weightedScore(outcomes), 83.6);
    assert.equal(complianceScore(outcomes), 55);
  });

  it('stays within 0–100', () => {
    for (const [p, f] of [
      [0, 1],
      [1, 0],
      [7, 13],
      [1e9, 1],
    ] as const) {
      const score = complianceScore([outcome('high', p, f), outcome('low', f, p)]);
      assert.ok(score !== undefined && score >= 0 && score <= 100, `${p}/${f}`);
    }
  });
});

describe('weightedScore', () => {
  const table: readonly [string, readonly ScoredOutcome[], number | undefined][] = [
    ['nothing', [], undefined],
    ['severity weights', [outcome('critical', 9, 1), outcome('low', 2, 8)], 83.6],
    ['info only counts pairs equally', [outcome('info', 1, 3), outcome('info', 1, 0)], 40],
    [
      'info is ignored next to weighted controls',
      [outcome('info', 0, 9), outcome('low', 1, 0)],
      100,
    ],
  ];
  for (const [name, input, expected] of table) {
    it(name, () => {
      assert.equal(weightedScore(input), expected);
    });
  }
});

describe('report scores', () => {
  const critical = flagControl('crit', 'critical');
  const low = flagControl('low', 'low');
  const skipped = flagControl('skip', 'high');
  const outcomes: ControlOutcome[] = [
    { control: critical, counts: { passed: 9, failed: 1, skipped: 0, error: 0 } },
    { control: low, counts: { passed: 2, failed: 8, skipped: 0, error: 0 } },
    {
      control: skipped,
      skipReason: 'needs node data',
      counts: { passed: 0, failed: 0, skipped: 10, error: 0 },
    },
  ];
  const evaluation: Evaluation = { findings: [], outcomes, evaluations: 30 };
  const framework = (id: string, controls: string[]) =>
    defineFramework({
      id,
      name: id,
      version: '1',
      description: 'test',
      sections: [{ id: 's', title: 's', controls }],
    });
  const frameworks = [
    framework('both', ['crit', 'low', 'skip', 'not-run']),
    framework('skipped-only', ['skip']),
    framework('none-ran', ['not-run']),
  ];
  const report = buildReport({
    toolVersion: '0.0.0',
    scannedAt: new Date(0),
    durationMs: 1,
    inputs: [],
    resources: [],
    evaluation,
    frameworks,
    allFrameworks: frameworks,
    issues: [],
  });
  const byId = new Map(report.frameworks.map((entry) => [entry.id, entry]));

  it('gives each framework both scores over its controls that ran', () => {
    const both = byId.get('both');
    assert.ok(both);
    assert.equal(both.score, 83.6);
    assert.equal(both.complianceScore, 55);
    assert.deepEqual(both.controls, ['crit', 'low', 'skip']);
  });

  it('omits both scores when no control of the framework judged anything', () => {
    for (const id of ['skipped-only', 'none-ran']) {
      const entry = byId.get(id);
      assert.ok(entry);
      assert.equal('score' in entry, false, id);
      assert.equal('complianceScore' in entry, false, id);
    }
  });

  it('scores the summary like a framework of every control that ran', () => {
    assert.equal(report.summary.score, 83.6);
    assert.equal(report.summary.complianceScore, 55);
  });
});
