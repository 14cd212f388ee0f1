import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineControl } from '../../src/controls/define.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { controlScore, weightedScore } from '../../src/engine/scoring.js';
import { context, flagControl, resource } from './fixtures.js';

describe('evaluate', () => {
  const good = resource('Pod', 'good');
  const bad = resource('Pod', 'bad', { bad: true });
  const service = resource('Service', 'svc', { bad: true });

  it('judges only matching kinds and fills message templates', () => {
    const control = flagControl('flag', 'high');
    const result = evaluate([good, bad, service], [control], context([good, bad, service]));
    assert.deepEqual(result.outcomes[0]?.counts, { passed: 1, failed: 1, skipped: 0, error: 0 });
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0]?.message, 'resource bad is bad');
    const [finding] = result.findings;
    assert.ok(finding);
    assert.deepEqual(finding.path, ['bad']);
    assert.equal(result.evaluations, 2);
  });

  it('isolates a throwing control: error findings, the other controls still run', () => {
    const broken = defineControl({
      ...flagControl('broken', 'high'),
      check: () => {
        throw new TypeError('boom');
      },
    });
    const result = evaluate(
      [good, bad],
      [broken, flagControl('flag', 'high')],
      context([good, bad]),
    );
    assert.deepEqual(result.outcomes[0]?.counts, { passed: 0, failed: 0, skipped: 0, error: 2 });
    assert.deepEqual(result.outcomes[1]?.counts, { passed: 1, failed: 1, skipped: 0, error: 0 });
    assert.ok(result.findings.some((f) => f.status === 'error' && f.message.includes('boom')));
  });

  it('records per-resource skips with their reason', () => {
    const skipping = defineControl({
      ...flagControl('skipper', 'low'),
      check: () => ({ skipped: 'no pod spec' }),
    });
    const result = evaluate([good], [skipping], context([good]));
    assert.deepEqual(result.outcomes[0]?.counts, { passed: 0, failed: 0, skipped: 1, error: 0 });
    assert.equal(result.findings[0]?.status, 'skipped');
    const [finding] = result.findings;
    assert.ok(finding);
    assert.equal(finding.message, 'no pod spec');
  });

  it('skips a whole control whose data is missing, never passing it', () => {
    const live = flagControl('live', 'high', { requires: 'cluster' });
    const host = flagControl('host', 'high', { requires: 'host' });
    const onFiles = evaluate([bad], [live, host], context([bad]));
    assert.match(onFiles.outcomes[0]?.skipReason ?? '', /--cluster/);
    assert.match(onFiles.outcomes[1]?.skipReason ?? '', /node host/);
    assert.equal(onFiles.findings.length, 0);
    const onCluster = evaluate([bad], [live], context([bad], 'cluster'));
    assert.equal(onCluster.outcomes[0]?.skipReason, undefined);
    assert.equal(onCluster.outcomes[0]?.counts.failed, 1);
  });

  it('does not judge resources that a where-predicate rejects: they neither pass nor fail', () => {
    const base = flagControl('narrow', 'high');
    const narrow = {
      ...base,
      match: { kinds: ['Pod'], where: (r: { name: string }) => r.name !== 'good' },
    };
    const result = evaluate([good, bad], [narrow], context([good, bad]));
    assert.deepEqual(result.outcomes[0]?.counts, { passed: 0, failed: 1, skipped: 0, error: 0 });
    assert.equal(result.evaluations, 1);
  });

  it('asks a where-predicate shared by several controls once per resource, with the same answers', () => {
    const asked: string[] = [];
    const shared = (r: { name: string }): boolean => {
      asked.push(r.name);
      return r.name !== 'good';
    };
    const own = (r: { name: string }): boolean => {
      asked.push(`own:${r.name}`);
      return true;
    };
    const controls = ['a', 'b', 'c'].map((id) => ({
      ...flagControl(id, 'high'),
      match: { kinds: ['Pod'], where: shared },
    }));
    const alone = { ...flagControl('alone', 'low'), match: { kinds: ['Pod'], where: own } };
    const result = evaluate([good, bad], [...controls, alone], context([good, bad]));
    assert.deepEqual(asked, ['good', 'own:good', 'bad', 'own:bad']);
    for (const outcome of result.outcomes.slice(0, 3)) {
      assert.deepEqual(outcome.counts, { passed: 0, failed: 1, skipped: 0, error: 0 });
    }
    assert.deepEqual(result.outcomes[3]?.counts, { passed: 1, failed: 1, skipped: 0, error: 0 });
  });

  it('turns a throwing shared where-predicate into an error for each control that uses it', () => {
    const shared = (): boolean => {
      throw new RangeError('where broke');
    };
    const controls = ['a', 'b'].map((id) => ({
      ...flagControl(id, 'high'),
      match: { kinds: ['Pod'], where: shared },
    }));
    const result = evaluate([bad], controls, context([bad]));
    for (const outcome of result.outcomes) {
      assert.deepEqual(outcome.counts, { passed: 0, failed: 0, skipped: 0, error: 1 });
    }
    assert.equal(result.findings.filter((f) => f.message.includes('where broke')).length, 2);
  });

  it('matches every kind with *', () => {
    const any = flagControl('any', 'low', { match: { kinds: ['*'] } });
    const result = evaluate([good, service], [any], context([good, service]));
    assert.equal(result.evaluations, 2);
  });
});

describe('scoring', () => {
  it('weights failures by severity', () => {
    const resources = [resource('Pod', 'a', { bad: true }), resource('Pod', 'b')];
    const result = evaluate(
      resources,
      [flagControl('crit', 'critical'), flagControl('low', 'low')],
      context(resources),
    );
    // critical: 1 of 2 passed (weight 10), low: 1 of 2 passed (weight 1) → 50 %.
    assert.equal(weightedScore(result.outcomes), 50);
    const mixed = evaluate(resources, [flagControl('crit', 'critical')], context(resources));
    assert.equal(controlScore(mixed.outcomes[0]!), 50);
  });

  it('counts info controls equally when nothing else was judged, and is undefined for nothing', () => {
    const resources = [
      resource('Pod', 'a', { bad: true }),
      resource('Pod', 'b'),
      resource('Pod', 'c'),
    ];
    const result = evaluate(resources, [flagControl('info', 'info')], context(resources));
    assert.equal(weightedScore(result.outcomes), 66.7);
    assert.equal(weightedScore([]), undefined);
  });
});
