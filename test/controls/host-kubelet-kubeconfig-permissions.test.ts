import control from '../../src/controls/host-kubelet-kubeconfig-permissions.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
