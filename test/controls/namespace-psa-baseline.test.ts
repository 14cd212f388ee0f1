import control from '../../src/controls/namespace-psa-baseline.js';
import { runNamespacePsaTests } from './namespace-psa-cases.js';

runNamespacePsaTests(control, {
  minimum: 'baseline',
  valid: ['baseline', 'restricted'],
  invalid: ['privileged'],
});
