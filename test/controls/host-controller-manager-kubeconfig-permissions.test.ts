import control from '../../src/controls/host-controller-manager-kubeconfig-permissions.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
