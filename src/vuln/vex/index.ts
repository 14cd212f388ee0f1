export {
  parseOpenVex,
  VEX_JUSTIFICATIONS,
  VEX_STATUSES,
  type VexDocument,
  type VexJustification,
  type VexStatement,
  type VexStatus,
} from './openvex.js';
export { applyVex, purlMatches } from './apply.js';
export { createOpenVex, type VexCreateOptions } from './create.js';
