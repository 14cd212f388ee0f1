import control from '../../src/controls/apiserver-event-rate-limit.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    {
      name: 'includes EventRateLimit',
      flags: ['--enable-admission-plugins=NodeRestriction,EventRateLimit'],
    },
    {
      name: 'repeated, last includes EventRateLimit',
      flags: [
        '--enable-admission-plugins=NodeRestriction',
        '--enable-admission-plugins=EventRateLimit',
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
          data: { item: 'EventRateLimit', value: 'unset (default: none)' },
        },
      ],
    },
    {
      name: 'lacks EventRateLimit',
      flags: ['--enable-admission-plugins=NodeRestriction'],
      problems: [
        {
          messageId: 'item-missing',
          flag: 'enable-admission-plugins',
          data: { value: '= NodeRestriction', item: 'EventRateLimit' },
        },
      ],
    },
    {
      name: 'repeated, last lacks EventRateLimit',
      flags: [
        '--enable-admission-plugins=EventRateLimit',
        '--enable-admission-plugins=NodeRestriction',
      ],
      problems: [{ messageId: 'item-missing', flag: 'enable-admission-plugins' }],
    },
  ],
});
