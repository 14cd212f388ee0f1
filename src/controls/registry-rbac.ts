import type { Control } from './define.js';

/** RBAC controls: risky permissions judged per subject through the RBAC graph. */
export const rbacControls = {} satisfies Record<string, Control>;
