import control from '../../src/controls/host-client-ca-permissions.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
