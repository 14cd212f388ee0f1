import control from '../../src/controls/manual-cronjob-review.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'manual', /manual review/);
