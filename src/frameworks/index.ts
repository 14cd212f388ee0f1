import all from './all.js';
import cisV112 from './cis-v1.12.js';
import cluster from './cluster.js';
import type { FrameworkDefinition } from './define.js';
import devops from './devops.js';
import hipaa from './hipaa.js';
import mitreAttack from './mitre-attack.js';
import nist80053R5 from './nist-800-53-r5.js';
import nsaCisa from './nsa-cisa.js';
import pciDssV4 from './pci-dss-v4.js';
import pssBaseline from './pss-baseline.js';
import pssRestricted from './pss-restricted.js';
import soc2 from './soc2.js';
import workload from './workload.js';

/** Every built-in framework by id; keys must equal each framework's id. */
export const frameworksById = {
  'nsa-cisa': nsaCisa,
  'mitre-attack': mitreAttack,
  'pss-baseline': pssBaseline,
  'pss-restricted': pssRestricted,
  'cis-v1.12': cisV112,
  soc2,
  'pci-dss-v4': pciDssV4,
  'nist-800-53-r5': nist80053R5,
  hipaa,
  devops,
  workload,
  cluster,
  all,
} satisfies Record<string, FrameworkDefinition>;

/** Every built-in framework, in registry order. */
export const builtinFrameworks: readonly FrameworkDefinition[] = Object.values(frameworksById);
