import control from '../../src/controls/duplicate-env-var.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const E = ['spec', 'containers', 0, 'env'];

controlTester.run(control, {
  valid: [
    {
      name: 'distinct names',
      object: podWith({
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      }),
    },
    { name: 'names differ in case', object: podWith({ env: [{ name: 'a' }, { name: 'A' }] }) },
    { name: 'hostile entries', object: podWith({ env: [null, 'A', { name: 1 }, { name: 1 }] }) },
    { name: 'env not a list', object: podWith({ env: { A: '1' } }) },
  ],
  invalid: [
    {
      name: 'repeated twice',
      object: podWith({
        env: [
          { name: 'A', value: '1' },
          { name: 'B' },
          { name: 'A', value: '2' },
          { name: 'A', value: '3' },
        ],
      }),
      violations: [
        {
          messageId: 'duplicate-env',
          path: [...E, 2, 'name'],
          evidence: 'A',
          data: { container: 'container "app"', name: 'A', first: 0 },
        },
        { messageId: 'duplicate-env', path: [...E, 3, 'name'] },
      ],
    },
  ],
});
