import control from '../../src/controls/manual-image-policy-webhook.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'manual', /manual review/);
