import control from '../../src/controls/host-etcd-manifest-permissions.js';
import { runRequirementTests } from './requirement-cases.js';

runRequirementTests(control, 'host', /node host/);
