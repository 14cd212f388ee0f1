import control from '../../src/controls/manual-service-authentication.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'manual', /manual review/);
