import control from '../../src/controls/apiserver-node-restriction.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    {
      name: 'includes NodeRestriction',
      flags: ['--enable-admission-plugins=EventRateLimit,NodeRestriction'],
    },
    {
      name: 'repeated, last includes NodeRestriction',
      flags: [
        '--enable-admission-plugins=EventRateLimit',
        '--enable-admission-plugins=NodeRestriction',
      ],
    },
  ],
  invalid: [
    {
      name: 'unset',
      flags: ['--v=2'],
      problems: [
        {
          messageId: 'item-missing',
          flag: 'enable-admission-plugins',
          data: { item: 'NodeRestriction', value: 'unset (default: none)' },
        },
      ],
    },
    {
      name: 'lacks NodeRestriction',
      flags: ['--enable-admission-plugins=EventRateLimit'],
      problems: [
        {
          messageId: 'item-missing',
          flag: 'enable-admission-plugins',
          data: { value: '= EventRateLimit', item: 'NodeRestriction' },
        },
      ],
    },
    {
      name: 'repeated, last lacks NodeRestriction',
      flags: [
        '--enable-admission-plugins=NodeRestriction',
        '--enable-admission-plugins=EventRateLimit',
      ],
      problems: [{ messageId: 'item-missing', flag: 'enable-admission-plugins' }],
    },
  ],
});
