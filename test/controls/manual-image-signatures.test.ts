import control from '../../src/controls/manual-image-signatures.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'manual', /manual review/);
