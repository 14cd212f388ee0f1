import control from '../../src/controls/host-admin-kubeconfig-ownership.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
