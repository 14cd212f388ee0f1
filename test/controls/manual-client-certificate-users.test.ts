import control from '../../src/controls/manual-client-certificate-users.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'manual', /manual review/);
