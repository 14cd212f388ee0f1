import control from '../../src/controls/host-instance-metadata-access.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
