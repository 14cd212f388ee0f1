import control from '../../src/controls/host-cni-file-permissions.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
