import control from '../../src/controls/manual-untrusted-workloads.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'manual', /manual review/);
