// End to end against the reference fixtures of kubernetes/pod-security-admission: the controls of
// the pss-<level> framework, run through the scan engine at the fixture's policy version, must
// fail a fixture exactly when it sits in a `fail` folder — as a Pod and wrapped in a workload.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { CubecapeError } from '../../src/core/errors.js';
import type { JsonPath } from '../../src/core/json-path.js';
import { getAt } from '../../src/core/json-path.js';
import type { Control } from '../../src/controls/define.js';
import { controlsById } from '../../src/controls/index.js';
import { evaluate, type EngineFinding } from '../../src/engine/evaluate.js';
import { frameworkControlIds } from '../../src/frameworks/define.js';
import { frameworksById } from '../../src/frameworks/index.js';
import { buildScanContext } from '../../src/model/build-context.js';
import { isRecord } from '../../src/model/resource.js';
import type { PssCheckId, PssLevel, PssVersion } from '../../src/pss/index.js';
import {
  activePssChecks,
  evaluatePssCheck,
  PSS_CHECKS,
  tryParsePssVersion,
} from '../../src/pss/index.js';
import { makeResource } from '../model/make-resource.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/psa/', import.meta.url));
const INDEX = join(CORPUS, '_derived', 'psa-fixtures.json');

interface Fixture {
  readonly path: string;
  readonly level: PssLevel;
  readonly version: PssVersion;
  readonly expect: 'pass' | 'fail';
  readonly checkId: PssCheckId | null;
}

function readIndex(): Fixture[] {
  const raw = JSON.parse(readFileSync(INDEX, 'utf8')) as { fixtures: Record<string, unknown>[] };
  return raw.fixtures.map((entry) => {
    const { path, level, expect, check_id: checkId } = entry;
    const version = tryParsePssVersion(entry['version']);
    assert.ok(typeof path === 'string', `fixture without a path: ${JSON.stringify(entry)}`);
    assert.ok(level === 'baseline' || level === 'restricted', `${path}: unknown level`);
    assert.ok(expect === 'pass' || expect === 'fail', `${path}: unknown expectation`);
    assert.ok(version !== undefined, `${path}: unknown version`);
    return { path, level, version, expect, checkId: checkId as PssCheckId | null };
  });
}

/** `privileged` → `pss-privileged`, `seccompProfile_baseline` → `pss-seccomp-profile-baseline`. */
function controlIdOf(checkId: PssCheckId): string {
  return `pss-${checkId
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .replaceAll('_', '-')
    .toLowerCase()}`;
}

function frameworkControls(level: PssLevel): Control[] {
  const all: Readonly<Record<string, Control>> = controlsById;
  return frameworkControlIds(frameworksById[`pss-${level}`]).map((id) => {
    const control = all[id];
    assert.ok(control !== undefined, `framework pss-${level} names unknown control ${id}`);
    return control;
  });
}

/** The workload kinds a fixture pod is also wrapped in, in rotation, with the template's path. */
const WRAPPERS: readonly { kind: string; apiVersion: string; template: JsonPath }[] = [
  { kind: 'Deployment', apiVersion: 'apps/v1', template: ['spec', 'template'] },
  {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    template: ['spec', 'jobTemplate', 'spec', 'template'],
  },
  { kind: 'DaemonSet', apiVersion: 'apps/v1', template: ['spec', 'template'] },
  { kind: 'PodTemplate', apiVersion: 'v1', template: ['template'] },
];

function wrap(pod: Record<string, unknown>, index: number) {
  const wrapper = WRAPPERS[index % WRAPPERS.length] ?? WRAPPERS[0];
  assert.ok(wrapper !== undefined);
  let node: Record<string, unknown> = { metadata: pod['metadata'], spec: pod['spec'] };
  for (const segment of [...wrapper.template].reverse()) node = { [String(segment)]: node };
  const metadata = { name: 'wrapped', namespace: 'psa' };
  const object = { ...node, apiVersion: wrapper.apiVersion, kind: wrapper.kind, metadata };
  return { object, kind: wrapper.kind, prefix: wrapper.template };
}

interface Judged {
  readonly failed: EngineFinding[];
  readonly problems: string[];
}

function judge(object: Record<string, unknown>, fixture: Fixture, controls: Control[]): Judged {
  const resource = makeResource(object);
  const context = buildScanContext([resource], {
    source: 'manifests',
    settings: { pssVersion: fixture.version },
  });
  const { findings } = evaluate([resource], controls, context);
  const problems: string[] = [];
  for (const finding of findings) {
    if (finding.status === 'error')
      problems.push(`${finding.control.id} errored: ${finding.message}`);
    if (
      finding.status === 'skipped' &&
      !/^not part of the Pod Security Standards at /.test(finding.message)
    )
      problems.push(`${finding.control.id} skipped: ${finding.message}`);
  }
  return { failed: findings.filter((finding) => finding.status === 'failed'), problems };
}

/** Checks related to `checkId` by a restricted override, in either direction. */
function relatedChecks(checkId: PssCheckId): PssCheckId[] {
  const related: PssCheckId[] = [checkId];
  for (const check of PSS_CHECKS) {
    if (check.overrides.includes(checkId)) related.push(check.id);
    if (check.id === checkId) related.push(...check.overrides);
  }
  return related;
}

/**
 * A restricted check and the baseline checks it replaces form one family; two controls of a
 * family must never report the same node (different checks may, on a missing parent).
 */
function familyOf(control: Control): string {
  const checkId = control.aliases.pss?.[0];
  const check = PSS_CHECKS.find((candidate) => candidate.id === checkId);
  assert.ok(check !== undefined, `${control.id} has no pss alias`);
  return check.overrides[0] ?? check.id;
}

const totals = { fixtures: 0, agree: 0, wrappedAgree: 0, byOwnControl: 0, byRelatedControl: 0 };

if (!existsSync(INDEX)) {
  test('psa corpus is present', () => {
    assert.fail(
      `PSA corpus not found at ${CORPUS}: expected shared/corpus/psa beside the repository. ` +
        'Refusing to pass without it.',
    );
  });
} else {
  const fixtures = readIndex();
  const controls = {
    baseline: frameworkControls('baseline'),
    restricted: frameworkControls('restricted'),
  };

  test('the corpus is complete enough to mean something', () => {
    assert.ok(fixtures.length > 4000, `only ${fixtures.length} fixtures`);
    assert.ok(fixtures.some((f) => f.level === 'restricted' && f.expect === 'fail'));
    assert.ok(fixtures.some((f) => f.level === 'baseline' && f.expect === 'pass'));
  });

  const groups = new Map<string, Fixture[]>();
  for (const fixture of fixtures) {
    const key = `${fixture.level} ${fixture.version}`;
    groups.set(key, [...(groups.get(key) ?? []), fixture]);
  }

  for (const [name, group] of groups) {
    test(`pss-${name}: framework controls agree with ${group.length} fixtures`, () => {
      const disagreements: string[] = [];
      group.forEach((fixture, index) => {
        const pod = load(readFileSync(join(CORPUS, fixture.path), 'utf8'));
        assert.ok(isRecord(pod), `${fixture.path} is not an object`);
        const levelControls = controls[fixture.level];
        const direct = judge(pod, fixture, levelControls);
        const wrapped = wrap(pod, index);
        const viaWorkload = judge(wrapped.object, fixture, levelControls);
        const expectFailure = fixture.expect === 'fail';
        const problems = [...direct.problems, ...viaWorkload.problems];
        totals.fixtures += 1;
        if (direct.failed.length > 0 !== expectFailure)
          problems.push(`as Pod: expected ${fixture.expect}, ${direct.failed.length} failures`);
        else totals.agree += 1;
        if (viaWorkload.failed.length > 0 !== expectFailure)
          problems.push(`as ${wrapped.kind}: expected ${fixture.expect}`);
        else totals.wrappedAgree += 1;
        for (const finding of viaWorkload.failed) {
          const prefix = JSON.stringify(wrapped.prefix).slice(0, -1);
          if (!JSON.stringify(finding.path).startsWith(prefix))
            problems.push(
              `${finding.control.id} path ${JSON.stringify(finding.path)} outside the template`,
            );
          if (getAt(wrapped.object, finding.path) === undefined)
            problems.push(
              `${finding.control.id} path ${JSON.stringify(finding.path)} does not exist`,
            );
        }
        const places = direct.failed.map(
          (finding) => `${familyOf(finding.control)} ${JSON.stringify(finding.path)}`,
        );
        if (new Set(places).size !== places.length)
          problems.push(`a check and its replacement report one node: ${places.join(' ')}`);
        if (expectFailure && fixture.checkId !== null && direct.failed.length > 0) {
          const failedControls = new Set(direct.failed.map((finding) => finding.control.id));
          if (failedControls.has(controlIdOf(fixture.checkId))) totals.byOwnControl += 1;
          else if (relatedChecks(fixture.checkId).some((id) => failedControls.has(controlIdOf(id))))
            totals.byRelatedControl += 1;
          else
            problems.push(`expected ${fixture.checkId}, failed ${[...failedControls].join(', ')}`);
        }
        if (problems.length > 0) disagreements.push(`${fixture.path}: ${problems.join('; ')}`);
      });
      assert.deepEqual(disagreements, []);
    });
  }
}

describe('pss framework definitions', () => {
  const cases: readonly { level: PssLevel }[] = [{ level: 'baseline' }, { level: 'restricted' }];
  for (const { level } of cases) {
    it(`pss-${level} has one section per check of the level, named by check id`, () => {
      const framework = frameworksById[`pss-${level}`];
      const expected = PSS_CHECKS.filter(
        (check) => level === 'restricted' || check.level === level,
      );
      assert.deepEqual(
        framework.sections.map((section) => section.id),
        expected.map((check) => check.id),
      );
      for (const section of framework.sections) {
        assert.deepEqual(section.controls, [controlIdOf(section.id as PssCheckId)]);
      }
      assert.match(framework.version, /^v1\.\d+ \(latest\)$/);
    });
  }

  it('evaluates single checks only where they exist, and refuses unknown check ids', () => {
    const pod = { spec: { containers: [{ name: 'a', securityContext: { runAsUser: 0 } }] } };
    assert.deepEqual(evaluatePssCheck(pod, 'runAsUser', 'v1.22'), { inForce: false });
    const outcome = evaluatePssCheck(pod, 'runAsUser', 'v1.23');
    assert.ok(outcome.inForce);
    assert.deepEqual(outcome.failure?.paths, [
      ['spec', 'containers', 0, 'securityContext', 'runAsUser'],
    ]);
    assert.throws(
      () => evaluatePssCheck(pod, 'nope' as PssCheckId, 'latest'),
      (error: unknown) => error instanceof CubecapeError && error.code === 'USAGE',
    );
  });

  it('covers every check in force at the latest version at each level', () => {
    for (const level of ['baseline', 'restricted'] as const) {
      const ids = new Set(frameworkControlIds(frameworksById[`pss-${level}`]));
      for (const checkId of activePssChecks(level, 'latest'))
        assert.ok(ids.has(controlIdOf(checkId)), `${level}: ${checkId}`);
    }
  });
});

after(() => {
  console.log(
    `pss frameworks: ${totals.agree}/${totals.fixtures} fixtures agree as Pods, ` +
      `${totals.wrappedAgree}/${totals.fixtures} wrapped in workloads`,
  );
  console.log(
    `pss frameworks: failing fixtures caught by their own check's control ${totals.byOwnControl}, ` +
      `by the control of the check it replaces or is replaced by ${totals.byRelatedControl}`,
  );
});
