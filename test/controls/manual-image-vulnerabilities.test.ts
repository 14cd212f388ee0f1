import control from '../../src/controls/manual-image-vulnerabilities.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'manual', /manual review/);
