import control from '../../src/controls/manual-managed-audit-logs.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'manual', /manual review/);
