import control from '../../src/controls/manual-hostile-multi-tenancy.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'manual', /manual review/);
