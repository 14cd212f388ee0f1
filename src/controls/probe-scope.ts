import { WORKLOAD_KINDS } from './kinds.js';

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
