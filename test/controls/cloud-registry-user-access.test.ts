import control from '../../src/controls/cloud-registry-user-access.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'cloud', /cloud provider/);
