import control from '../../src/controls/apiserver-always-admit.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'unset', flags: ['--v=2'] },
    { name: 'without AlwaysAdmit', flags: ['--enable-admission-plugins=NodeRestriction'] },
    {
      name: 'repeated, last without AlwaysAdmit',
      flags: [
        '--enable-admission-plugins=AlwaysAdmit',
        '--enable-admission-plugins=NodeRestriction',
      ],
    },
  ],
  invalid: [
    {
      name: 'includes AlwaysAdmit',
      flags: ['--enable-admission-plugins=NodeRestriction,AlwaysAdmit'],
      problems: [
        {
          messageId: 'item-present',
          flag: 'enable-admission-plugins',
          data: { value: '= NodeRestriction,AlwaysAdmit', item: 'AlwaysAdmit' },
        },
      ],
    },
    {
      name: 'repeated, last includes AlwaysAdmit',
      flags: [
        '--enable-admission-plugins=NodeRestriction',
        '--enable-admission-plugins=AlwaysAdmit',
      ],
      problems: [{ messageId: 'item-present', flag: 'enable-admission-plugins' }],
    },
  ],
});
