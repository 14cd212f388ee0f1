// Pod builders for the Pod Security Standards tests.
import assert from 'node:assert/strict';
import type { JsonPath } from '../../src/core/json-path.js';
import type { PodLike, PssCheckId, PssLevel, PssVersion } from '../../src/pss/index.js';
import { evaluatePodSecurity } from '../../src/pss/index.js';

export interface TestPod {
  metadata: { name: string; annotations?: Record<string, unknown> };
  spec: Record<string, unknown> & {
    containers: Record<string, unknown>[];
    initContainers: Record<string, unknown>[];
    securityContext: Record<string, unknown>;
  };
}

const HARDENED_CONTEXT = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
};

/** A pod that passes restricted at every version: the shape of upstream's base fixture. */
export function restrictedPod(edit: (pod: TestPod) => void = () => undefined): TestPod {
  const pod: TestPod = {
    metadata: { name: 'app' },
    spec: {
      containers: [
        { name: 'app', image: 'app:1', securityContext: structuredClone(HARDENED_CONTEXT) },
      ],
      initContainers: [
        { name: 'init', image: 'init:1', securityContext: structuredClone(HARDENED_CONTEXT) },
      ],
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    },
  };
  edit(pod);
  return pod;
}

/** A pod that passes baseline and sets nothing security-related. */
export function plainPod(edit: (pod: TestPod) => void = () => undefined): TestPod {
  const pod: TestPod = {
    metadata: { name: 'app' },
    spec: {
      containers: [{ name: 'app', image: 'app:1' }],
      initContainers: [{ name: 'init', image: 'init:1' }],
      securityContext: {},
    },
  };
  edit(pod);
  return pod;
}

/** The first container, the init container, typed for edits. */
export function app(pod: TestPod): Record<string, unknown> {
  const container = pod.spec.containers[0];
  assert.ok(container !== undefined);
  return container;
}

export function init(pod: TestPod): Record<string, unknown> {
  const container = pod.spec.initContainers[0];
  assert.ok(container !== undefined);
  return container;
}

/** The container's securityContext, created when absent. */
export function context(container: Record<string, unknown>): Record<string, unknown> {
  const existing = container['securityContext'];
  if (existing !== null && typeof existing === 'object' && !Array.isArray(existing)) {
    return existing as Record<string, unknown>;
  }
  const created: Record<string, unknown> = {};
  container['securityContext'] = created;
  return created;
}

/** A table row: what a pod must yield at a level and version. */
export interface Case {
  readonly name: string;
  readonly pod: unknown;
  readonly level: PssLevel;
  readonly version: PssVersion;
  /** Failed checks with their exact paths; empty when the pod must be allowed. */
  readonly failed: readonly { readonly id: PssCheckId; readonly paths: readonly JsonPath[] }[];
}

/** Asserts one row: exactly these checks fail, each with exactly these paths. */
export function assertCase(row: Case): void {
  const results = evaluatePodSecurity(row.pod as PodLike, row.level, row.version);
  const actual = results.map((result) => ({ id: result.checkId, paths: result.paths }));
  assert.deepEqual(actual, row.failed, row.name);
  for (const result of results) {
    assert.ok(result.reason.length > 0, `${row.name}: ${result.checkId} has no reason`);
  }
}
