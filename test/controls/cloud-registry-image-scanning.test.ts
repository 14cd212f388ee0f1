import control from '../../src/controls/cloud-registry-image-scanning.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'cloud', /cloud provider/);
