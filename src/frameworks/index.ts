import type { FrameworkDefinition } from './define.js';
import mitreAttack from './mitre-attack.js';
import nsaCisa from './nsa-cisa.js';

/** Every built-in framework by id; keys must equal each framework's id. */
export const frameworksById = {
  'nsa-cisa': nsaCisa,
  'mitre-attack': mitreAttack,
} satisfies Record<string, FrameworkDefinition>;

/** Every built-in framework, in registry order. */
export const builtinFrameworks: readonly FrameworkDefinition[] = Object.values(frameworksById);
