import control from '../../src/controls/manual-admission-webhooks.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'manual', /manual review/);
