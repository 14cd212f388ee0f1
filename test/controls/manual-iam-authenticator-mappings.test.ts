import control from '../../src/controls/manual-iam-authenticator-mappings.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'manual', /manual review/);
