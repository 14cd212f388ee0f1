import type { Control } from './define.js';

/** Pod Security Standards checks, one control each, judged at `--pss-version`. */
export const pssControls = {} satisfies Record<string, Control>;
