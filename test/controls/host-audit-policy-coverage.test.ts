import control from '../../src/controls/host-audit-policy-coverage.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
