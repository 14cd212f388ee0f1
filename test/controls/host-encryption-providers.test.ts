import control from '../../src/controls/host-encryption-providers.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
