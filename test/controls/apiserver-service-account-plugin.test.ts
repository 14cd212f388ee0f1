import control from '../../src/controls/apiserver-service-account-plugin.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'unset', flags: ['--v=2'] },
    { name: 'without ServiceAccount', flags: ['--disable-admission-plugins=AlwaysPullImages'] },
    {
      name: 'repeated, last without ServiceAccount',
      flags: [
        '--disable-admission-plugins=ServiceAccount',
        '--disable-admission-plugins=AlwaysPullImages',
      ],
    },
  ],
  invalid: [
    {
      name: 'includes ServiceAccount',
      flags: ['--disable-admission-plugins=AlwaysPullImages,ServiceAccount'],
      problems: [
        {
          messageId: 'item-present',
          flag: 'disable-admission-plugins',
          data: { value: '= AlwaysPullImages,ServiceAccount', item: 'ServiceAccount' },
        },
      ],
    },
    {
      name: 'repeated, last includes ServiceAccount',
      flags: [
        '--disable-admission-plugins=AlwaysPullImages',
        '--disable-admission-plugins=ServiceAccount',
      ],
      problems: [{ messageId: 'item-present', flag: 'disable-admission-plugins' }],
    },
  ],
});
