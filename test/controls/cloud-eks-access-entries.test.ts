import control from '../../src/controls/cloud-eks-access-entries.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'cloud', /cloud provider/);
