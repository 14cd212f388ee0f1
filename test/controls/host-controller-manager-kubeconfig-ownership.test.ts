import control from '../../src/controls/host-controller-manager-kubeconfig-ownership.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
