import control from '../../src/controls/cloud-azure-rbac.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'cloud', /cloud provider/);
