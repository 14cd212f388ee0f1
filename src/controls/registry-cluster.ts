import type { Control } from './define.js';

/** Cluster controls: control-plane flags from static Pods, kubelet configuration, cluster-wide objects. */
export const clusterControls = {} satisfies Record<string, Control>;
