import { POD_SPEC_KINDS } from '../model/workload.js';

/**
 * Kinds whose pod template controls judge: Pod, the controllers that stamp out pods, and
 * PodTemplate. One list so every pod-level control matches the same resources.
 */
export const WORKLOAD_KINDS: readonly string[] = POD_SPEC_KINDS;
