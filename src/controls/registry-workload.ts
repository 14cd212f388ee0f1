import type { Control } from './define.js';

/** Workload and manifest hygiene controls beyond the essentials (probes, images, networking, reliability). */
export const workloadControls = {} satisfies Record<string, Control>;
