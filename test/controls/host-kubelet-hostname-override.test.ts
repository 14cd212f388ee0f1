import control from '../../src/controls/host-kubelet-hostname-override.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
