import control from '../../src/controls/cloud-private-nodes.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'cloud', /cloud provider/);
