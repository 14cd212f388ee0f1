import control from '../../src/controls/namespace-psa-restricted.js';
import { runNamespacePsaTests } from './namespace-psa-cases.js';

runNamespacePsaTests(control, {
  minimum: 'restricted',
  valid: ['restricted'],
  invalid: ['privileged', 'baseline'],
});
