import control from '../../src/controls/cloud-secrets-encryption.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'cloud', /cloud provider/);
