import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinControls } from '../../src/controls/index.js';
import cisV112 from '../../src/frameworks/cis-v1.12.js';
import { isClusterControl } from '../../src/frameworks/cluster.js';
import { frameworkControlIds, mappingRationale } from '../../src/frameworks/define.js';
import { builtinFrameworks, frameworksById } from '../../src/frameworks/index.js';

const allIds = builtinControls.map((control) => control.id);
const standards = builtinFrameworks.filter((framework) => framework.convenience !== true);
const MAPPED = ['cis-v1.12', 'soc2', 'pci-dss-v4', 'nist-800-53-r5', 'hipaa', 'devops'] as const;

/** Every CIS v1.12 recommendation number, built from the benchmark's section sizes. */
function cisV112Numbers(): string[] {
  const sizes: readonly [string, number][] = [
    ['1.1', 21],
    ['1.2', 30],
    ['1.3', 7],
    ['1.4', 2],
    ['2', 7],
    ['3.1', 3],
    ['3.2', 2],
    ['4.1', 10],
    ['4.2', 13],
    ['4.3', 1],
    ['5.1', 13],
    ['5.2', 12],
    ['5.3', 2],
    ['5.4', 2],
    ['5.5', 1],
    ['5.6', 4],
  ];
  return sizes.flatMap(([prefix, size]) =>
    Array.from({ length: size }, (_, index) => `${prefix}.${index + 1}`),
  );
}

describe('framework membership', () => {
  it('puts every control in at least one framework besides the convenience sets', () => {
    const named = new Set(standards.flatMap(frameworkControlIds));
    const orphans = allIds.filter((id) => !named.has(id));
    assert.deepEqual(orphans, []);
  });

  it('derives `all` from the registry: every control, once', () => {
    assert.deepEqual([...frameworkControlIds(frameworksById.all)].sort(), [...allIds].sort());
  });

  it('splits the controls between `workload` and `cluster` with no overlap', () => {
    const workload = new Set(frameworkControlIds(frameworksById.workload));
    const cluster = new Set(frameworkControlIds(frameworksById.cluster));
    for (const control of builtinControls) {
      const { id } = control;
      assert.equal(workload.has(id) !== cluster.has(id), true, `${id} must be in exactly one`);
      assert.equal(cluster.has(id), isClusterControl(control), id);
    }
    for (const id of ['host-ports', 'host-namespaces', 'host-path-volumes'])
      assert.equal(workload.has(id), true, id);
  });

  it('keeps hygiene and reliability controls out of NSA/CISA', () => {
    const nsa = new Set(frameworkControlIds(frameworksById['nsa-cisa']));
    for (const id of ['readiness-probe', 'recommended-labels', 'dangling-service', 'naked-pod'])
      assert.equal(nsa.has(id), false, id);
    const devops = new Set(frameworkControlIds(frameworksById.devops));
    for (const id of ['readiness-probe', 'recommended-labels', 'dangling-service', 'naked-pod'])
      assert.equal(devops.has(id), true, id);
  });

  for (const id of MAPPED) {
    it(`${id} explains every mapping and every uncovered requirement`, () => {
      const framework = frameworksById[id];
      assert.ok(framework.sections.length > 0);
      for (const section of framework.sections) {
        if (section.controls.length === 0) {
          assert.ok((section.rationale ?? '').length > 20, `${section.id} says why not covered`);
          continue;
        }
        for (const control of section.controls) {
          const why = mappingRationale(section, control) ?? '';
          assert.match(why, /^[A-Z].{15,}\.$/, `${section.id}/${control}: one sentence`);
        }
        for (const key of Object.keys(section.rationales ?? {}))
          assert.ok(section.controls.includes(key), `${section.id}: stray rationale ${key}`);
      }
      if (id !== 'cis-v1.12' && id !== 'devops')
        assert.match(framework.description, /ours/, 'says the mapping is our own');
    });
  }
});

describe('cis-v1.12', () => {
  const sectionById = new Map(cisV112.sections.map((section) => [section.id, section]));

  it('lists every recommendation of the benchmark, in order, once', () => {
    assert.deepEqual(
      cisV112.sections.map((section) => section.id),
      cisV112Numbers(),
    );
  });

  it('covers every recommendation', () => {
    const uncovered = cisV112.sections.filter((s) => s.controls.length === 0).map((s) => s.id);
    assert.deepEqual(uncovered, []);
  });

  it('maps every CIS alias used by a control to a v1.12 recommendation that lists it', () => {
    for (const control of builtinControls) {
      for (const alias of control.aliases.cis ?? []) {
        const section = sectionById.get(alias);
        assert.ok(section, `${control.id}: alias ${alias} is no v1.12 recommendation`);
        assert.ok(section.controls.includes(control.id), `${alias} does not list ${control.id}`);
      }
    }
  });

  it('groups recommendations under their benchmark section', () => {
    assert.equal(sectionById.get('1.2.1')?.group, '1.2 API server');
    assert.equal(sectionById.get('2.3')?.group, '2 etcd');
    assert.equal(sectionById.get('5.6.4')?.group, '5.6 General policies');
  });
});
