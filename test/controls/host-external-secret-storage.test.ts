import control from '../../src/controls/host-external-secret-storage.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
