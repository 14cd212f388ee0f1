import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  containersOf,
  describeContainer,
  malformedContainerList,
} from '../../src/model/containers.js';
import { podSpecOf, podSpecPathOf, POD_SPEC_KINDS } from '../../src/model/workload.js';
import { makeResource, workloadOf } from './make-resource.js';

const EXPECTED_PATHS: Record<string, (string | number)[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
};

test('podSpecOf finds the pod spec of every workload kind', () => {
  assert.deepEqual([...POD_SPEC_KINDS].sort(), Object.keys(EXPECTED_PATHS).sort());
  for (const [kind, path] of Object.entries(EXPECTED_PATHS)) {
    const spec = { containers: [{ name: kind }] };
    const found = podSpecOf(makeResource(workloadOf(kind, spec)));
    assert.ok(found, kind);
    assert.equal(found.spec, spec, kind);
    assert.deepEqual(found.path, path, kind);
    assert.deepEqual(podSpecPathOf(kind), path);
    assert.deepEqual(found.metadataPath, [...path.slice(0, -1), 'metadata'], kind);
    if (kind !== 'Pod') assert.deepEqual(found.metadata, { labels: { app: 'app' } }, kind);
  }
});

test('podSpecOf tolerates hostile shapes', () => {
  const hostile: Record<string, unknown>[] = [
    { kind: 'Pod' },
    { kind: 'Pod', spec: null },
    { kind: 'Pod', spec: [] },
    { kind: 'Pod', spec: 'text' },
    { kind: 'Deployment', spec: { template: 'a string' } },
    { kind: 'Deployment', spec: { template: { spec: 7 } } },
    { kind: 'CronJob', spec: { jobTemplate: { spec: null } } },
    { kind: 'PodTemplate', template: [] },
    { kind: 'ConfigMap', spec: { containers: [] } },
  ];
  for (const object of hostile)
    assert.equal(podSpecOf(makeResource(object)), undefined, JSON.stringify(object));
  assert.equal(podSpecPathOf('ConfigMap'), undefined);
  assert.equal(podSpecPathOf('toString'), undefined, 'no prototype lookups');
  assert.equal(podSpecOf(makeResource({ kind: 'constructor', spec: {} })), undefined);
});

test('containersOf yields every container list with kinds and paths, skipping junk', () => {
  const spec = {
    containers: [{ name: 'a' }, null, 'x', { image: 'b' }],
    initContainers: [{ name: 'init' }],
    ephemeralContainers: [{ name: 'debug' }],
  };
  const base = ['spec', 'template', 'spec'];
  const refs = containersOf(spec, base);
  assert.deepEqual(
    refs.map((ref) => [ref.kind, ref.index, ref.path, ref.name]),
    [
      ['containers', 0, [...base, 'containers', 0], 'a'],
      ['containers', 3, [...base, 'containers', 3], undefined],
      ['initContainers', 0, [...base, 'initContainers', 0], 'init'],
      ['ephemeralContainers', 0, [...base, 'ephemeralContainers', 0], 'debug'],
    ],
  );
  assert.deepEqual(refs.map(describeContainer), [
    'container "a"',
    'container containers[3]',
    'init container "init"',
    'ephemeral container "debug"',
  ]);
  assert.equal(containersOf(spec, base, ['initContainers']).length, 1);
  assert.deepEqual(containersOf({ containers: 'x', initContainers: null }, []), []);
  assert.equal(
    malformedContainerList({ containers: 'x', initContainers: null, ephemeralContainers: {} }),
    'containers',
  );
  assert.equal(
    malformedContainerList({ containers: [], initContainers: null, ephemeralContainers: {} }),
    'ephemeralContainers',
  );
  assert.equal(malformedContainerList({ containers: [], initContainers: null }), undefined);
});
