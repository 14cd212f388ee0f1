import control from '../../src/controls/cloud-registry-cluster-read-only.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'cloud', /cloud provider/);
