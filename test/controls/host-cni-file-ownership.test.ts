import control from '../../src/controls/host-cni-file-ownership.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
