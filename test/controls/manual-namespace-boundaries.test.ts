import control from '../../src/controls/manual-namespace-boundaries.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'manual', /manual review/);
