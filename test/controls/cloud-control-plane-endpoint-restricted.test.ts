import control from '../../src/controls/cloud-control-plane-endpoint-restricted.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'cloud', /cloud provider/);
