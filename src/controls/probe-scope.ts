import { describeContainer, type ContainerRef } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import type { Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { evidenceOf } from './workload-scope.js';

/**
 * Kinds whose pods are meant to keep running. Jobs and CronJobs run to completion, so probes
 * that gate traffic or restart hung processes make no sense for them.
 */
export const LONG_RUNNING_KINDS: readonly string[] = WORKLOAD_KINDS.filter(
  (kind) => kind !== 'Job' && kind !== 'CronJob',
);

/** The three probe fields of a container, in the order the kubelet runs them. */
export const PROBE_FIELDS = ['startupProbe', 'livenessProbe', 'readinessProbe'] as const;
export type ProbeField = (typeof PROBE_FIELDS)[number];

/**
 * A container's probe is missing (reported at the container) or is not an object (reported at
 * the field, with its value): the judgement the liveness and readiness controls share.
 */
export function probeViolations<M extends string>(
  ref: ContainerRef,
  field: ProbeField,
  messageIds: { readonly missing: M; readonly invalid: M },
): Violation<M>[] {
  const probe = ref.container[field];
  if (isRecord(probe)) return [];
  const container = describeContainer(ref);
  if (probe === undefined || probe === null) {
    return [{ messageId: messageIds.missing, data: { container }, path: ref.path }];
  }
  return [
    {
      messageId: messageIds.invalid,
      data: { container },
      path: ref.path.concat(field),
      evidence: evidenceOf(probe),
    },
  ];
}
