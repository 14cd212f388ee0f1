import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate } from '../../src/engine/evaluate.js';
import {
  applyExceptions,
  loadExceptions,
  type ExceptionCatalog,
} from '../../src/engine/exceptions/index.js';
import { judge } from '../../src/engine/gate.js';
import type { Resource } from '../../src/model/resource.js';
import { buildReport } from '../../src/report/build.js';
import { context, flagControl, resource } from './fixtures.js';

const controls = [
  flagControl('flag', 'high', { match: { kinds: ['*'] } }),
  flagControl('other', 'low', { match: { kinds: ['*'] } }),
];
const catalog: ExceptionCatalog = { controls, frameworks: [] };
const NOW = new Date(Date.UTC(2026, 5, 1));

function bad(
  kind: string,
  name: string,
  namespace?: string,
  metadata: Record<string, unknown> = {},
): Resource {
  return resource(
    kind,
    name,
    {
      bad: true,
      metadata: { name, ...(namespace === undefined ? {} : { namespace }), ...metadata },
    },
    namespace,
  );
}

function exception(match: string, extra = ''): string {
  return `apiVersion: cubecape.io/v1alpha1
kind: Exception
metadata: {name: accepted}
spec:
  reason: reviewed
${extra}  match:
${match}`;
}

/** Which resources (by id) had their `flag` finding excepted. */
function exceptedIds(resources: Resource[], text: string, inline = true, now = NOW): string[] {
  const evaluation = evaluate(resources, controls, context(resources));
  const { rules } = loadExceptions([{ file: 'e.yaml', text }], catalog);
  const outcome = applyExceptions(evaluation, rules, { now, inline, catalog });
  return evaluation.findings
    .filter((finding) => finding.control.id === 'flag' && outcome.excepted.has(finding))
    .map((finding) => finding.resource.id);
}

describe('applyExceptions: matching', () => {
  const resources = [
    bad('Job', 'node-tuner', 'ops', { labels: { team: 'platform' } }),
    bad('Job', 'node-tuner-2', 'ops'),
    bad('Pod', 'node-tuner', 'ops'),
    bad('Pod', 'web', undefined),
    bad('ClusterRole', 'admin'),
    bad('Pod', 'api', 'ops-prod', { labels: { team: 7 } }),
  ];
  const table: [string, string, string[]][] = [
    [
      'kind, namespace and name all required',
      '    resources: [{kind: Job, namespace: ops, name: node-tuner}]\n',
      ['core/Job/ops/node-tuner'],
    ],
    [
      'a name glob',
      '    resources: [{name: "node-tuner*"}]\n',
      ['core/Job/ops/node-tuner', 'core/Job/ops/node-tuner-2', 'core/Pod/ops/node-tuner'],
    ],
    [
      'kinds case-insensitively',
      '    resources: [{kind: job, name: node-tuner}]\n',
      ['core/Job/ops/node-tuner'],
    ],
    ['a namespace glob', '    resources: [{namespace: "ops-*"}]\n', ['core/Pod/ops-prod/api']],
    ['no namespace as default', '    resources: [{namespace: default}]\n', ['core/Pod//web']],
    [
      'never a cluster-scoped resource by namespace',
      '    resources: [{namespace: "*", kind: ClusterRole}]\n',
      [],
    ],
    [
      'a cluster-scoped resource by kind',
      '    resources: [{kind: ClusterRole}]\n',
      ['core/ClusterRole//admin'],
    ],
    [
      'labels by equality',
      '    resources: [{labels: {team: platform}}]\n',
      ['core/Job/ops/node-tuner'],
    ],
    ['no label value that is not a string', '    resources: [{labels: {team: "7"}}]\n', []],
    [
      'any of several selectors',
      '    resources: [{name: web}, {name: api}]\n',
      ['core/Pod//web', 'core/Pod/ops-prod/api'],
    ],
    ['only the named control', '    controls: [other]\n', []],
    [
      'controls and resources together',
      '    controls: [flag]\n    resources: [{name: web}]\n',
      ['core/Pod//web'],
    ],
  ];
  for (const [name, match, expected] of table) {
    it(`matches ${name}`, () => {
      assert.deepEqual(exceptedIds(resources, exception(match)), expected);
    });
  }
});

describe('applyExceptions: expiry with an injected clock', () => {
  const resources = [bad('Pod', 'web', 'apps')];
  const text = exception('    controls: [flag]\n', '  expires: "2026-06-01T00:00:00Z"\n');
  const table: [string, Date, number, number][] = [
    ['applies before it expires', new Date(Date.UTC(2026, 4, 31, 23, 59)), 1, 0],
    ['does not apply at the expiry instant', new Date(Date.UTC(2026, 5, 1)), 0, 1],
    ['does not apply after it expired', new Date(Date.UTC(2030, 0, 1)), 0, 1],
  ];
  for (const [name, now, excepted, warnings] of table) {
    it(name, () => {
      const evaluation = evaluate(resources, controls, context(resources));
      const { rules } = loadExceptions([{ file: 'e.yaml', text }], catalog);
      const outcome = applyExceptions(evaluation, rules, { now, inline: true, catalog });
      assert.equal(outcome.excepted.size, excepted);
      assert.equal(outcome.warnings.length, warnings);
      if (warnings > 0) {
        assert.equal(outcome.warnings[0]?.code, 'EXCEPTION_EXPIRED');
        assert.equal(outcome.warnings[0].severity, 'warning');
        assert.equal(outcome.warnings[0].file, 'e.yaml');
        assert.equal(outcome.warnings[0].line, 3);
      }
    });
  }
});

describe('applyExceptions: inline annotations', () => {
  const annotated = (annotations: Record<string, unknown>) =>
    bad('Deployment', 'api', 'apps', { annotations });
  const table: [string, Record<string, unknown>, boolean, number, string[]][] = [
    [
      'a listed control with a reason',
      { 'cubecape.io/ignore': 'flag', 'cubecape.io/ignore-reason': 'ok' },
      true,
      0,
      ['flag'],
    ],
    [
      'every control with *',
      { 'cubecape.io/ignore': '*', 'cubecape.io/ignore-reason': 'ok' },
      true,
      0,
      ['flag', 'other'],
    ],
    [
      'a list with spaces',
      { 'cubecape.io/ignore': ' other , flag ', 'cubecape.io/ignore-reason': 'ok' },
      true,
      0,
      ['flag', 'other'],
    ],
    [
      'nothing when turned off',
      { 'cubecape.io/ignore': '*', 'cubecape.io/ignore-reason': 'ok' },
      false,
      0,
      [],
    ],
    ['nothing without a reason, with a warning', { 'cubecape.io/ignore': 'flag' }, true, 1, []],
    [
      'nothing with an empty reason',
      { 'cubecape.io/ignore': 'flag', 'cubecape.io/ignore-reason': ' ' },
      true,
      1,
      [],
    ],
    [
      'known ids, warning for unknown ones',
      { 'cubecape.io/ignore': 'flag,nope', 'cubecape.io/ignore-reason': 'ok' },
      true,
      1,
      ['flag'],
    ],
    [
      'nothing for a non-string value',
      { 'cubecape.io/ignore': true, 'cubecape.io/ignore-reason': 'ok' },
      true,
      1,
      [],
    ],
    ['nothing without the annotation', { 'cubecape.io/ignore-reason': 'ok' }, true, 0, []],
  ];
  for (const [name, annotations, inline, warnings, expected] of table) {
    it(`honours ${name}`, () => {
      const resources = [annotated(annotations)];
      const evaluation = evaluate(resources, controls, context(resources));
      const outcome = applyExceptions(evaluation, [], { now: NOW, inline, catalog });
      const ids = evaluation.findings
        .filter((finding) => outcome.excepted.has(finding))
        .map((finding) => finding.control.id)
        .sort();
      assert.deepEqual(ids, expected);
      assert.equal(outcome.warnings.length, warnings);
      for (const warning of outcome.warnings) assert.equal(warning.code, 'EXCEPTION_NOT_APPLIED');
      if (expected.length > 0) {
        const [finding] = [...outcome.excepted.values()];
        assert.deepEqual(finding, { name: 'inline:apps/Deployment/apps/api', reason: 'ok' });
      }
    });
  }

  it('ignores annotations on the pod template', () => {
    const resources = [
      resource('Deployment', 'api', {
        bad: true,
        spec: {
          template: {
            metadata: {
              annotations: { 'cubecape.io/ignore': '*', 'cubecape.io/ignore-reason': 'x' },
            },
          },
        },
      }),
    ];
    const evaluation = evaluate(resources, controls, context(resources));
    assert.equal(
      applyExceptions(evaluation, [], { now: NOW, inline: true, catalog }).excepted.size,
      0,
    );
  });

  it('prefers a file exception over an annotation', () => {
    const resources = [annotated({ 'cubecape.io/ignore': '*', 'cubecape.io/ignore-reason': 'ok' })];
    const evaluation = evaluate(resources, controls, context(resources));
    const { rules } = loadExceptions(
      [{ file: 'e.yaml', text: exception('    controls: [flag]\n') }],
      catalog,
    );
    const outcome = applyExceptions(evaluation, rules, { now: NOW, inline: true, catalog });
    const names = [...outcome.excepted.entries()].map(([f, e]) => [f.control.id, e.name]).sort();
    assert.deepEqual(names, [
      ['flag', 'accepted'],
      ['other', 'inline:apps/Deployment/apps/api'],
    ]);
  });
});

describe('excepted findings in the report, scores and gate', () => {
  const multi = flagControl('flag', 'high', { match: { kinds: ['*'] } });
  const resources = [bad('Pod', 'a', 'x'), bad('Pod', 'b', 'y'), resource('Pod', 'c', {}, 'x')];

  function build(text: string) {
    const evaluation = evaluate(resources, [multi], context(resources));
    const { rules } = loadExceptions([{ file: 'e.yaml', text }], catalog);
    const exceptions = applyExceptions(evaluation, rules, { now: NOW, inline: true, catalog });
    return buildReport({
      toolVersion: '0',
      scannedAt: NOW,
      durationMs: 0,
      inputs: [],
      resources,
      evaluation,
      frameworks: [],
      allFrameworks: [],
      issues: exceptions.warnings,
      exceptions,
    });
  }

  it('counts an excepted pair as passed in scores and keeps it out of the gate', () => {
    const report = build(exception('    resources: [{namespace: "*"}]\n'));
    const [control] = report.controls;
    assert.equal(control?.status, 'excepted');
    assert.deepEqual(control.counts, { passed: 1, failed: 0, excepted: 2, skipped: 0, error: 0 });
    assert.equal(control.score, 100);
    assert.equal(report.summary.excepted, 2);
    assert.equal(report.summary.failed, 0);
    assert.equal(report.summary.score, 100);
    assert.equal(report.summary.bySeverity.high, 0);
    assert.deepEqual(
      report.findings.map((f) => [f.status, f.exception?.name]),
      [
        ['excepted', 'accepted'],
        ['excepted', 'accepted'],
      ],
    );
    assert.equal(judge(report, { failOn: 'high', allowIncomplete: false }).code, 0);
  });

  it('keeps the control failed when only some resources are excepted', () => {
    const report = build(exception('    resources: [{namespace: x}]\n'));
    const [control] = report.controls;
    assert.equal(control?.status, 'failed');
    assert.deepEqual(control.counts, { passed: 1, failed: 1, excepted: 1, skipped: 0, error: 0 });
    assert.equal(control.score, 66.7);
    assert.equal(judge(report, { failOn: 'high', allowIncomplete: false }).code, 1);
  });
});
