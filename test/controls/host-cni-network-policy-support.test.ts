import control from '../../src/controls/host-cni-network-policy-support.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
