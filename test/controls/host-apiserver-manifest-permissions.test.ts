import control from '../../src/controls/host-apiserver-manifest-permissions.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
