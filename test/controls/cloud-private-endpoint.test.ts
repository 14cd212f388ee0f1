import control from '../../src/controls/cloud-private-endpoint.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'cloud', /cloud provider/);
