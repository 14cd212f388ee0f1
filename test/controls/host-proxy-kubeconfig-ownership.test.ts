import control from '../../src/controls/host-proxy-kubeconfig-ownership.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
