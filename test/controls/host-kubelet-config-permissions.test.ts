import control from '../../src/controls/host-kubelet-config-permissions.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
