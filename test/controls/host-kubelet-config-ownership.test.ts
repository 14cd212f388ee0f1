import control from '../../src/controls/host-kubelet-config-ownership.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
