import control from '../../src/controls/manual-bootstrap-token-users.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'manual', /manual review/);
