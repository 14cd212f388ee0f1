import control from '../../src/controls/cloud-network-policy-enabled.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'cloud', /cloud provider/);
