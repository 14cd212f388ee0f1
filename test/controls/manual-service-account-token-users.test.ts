import control from '../../src/controls/manual-service-account-token-users.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'manual', /manual review/);
