import control from '../../src/controls/host-scheduler-manifest-ownership.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
