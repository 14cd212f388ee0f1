import control from '../../src/controls/host-proxy-kubeconfig-permissions.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
