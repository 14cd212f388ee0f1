import control from '../../src/controls/apiserver-always-pull-images.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    {
      name: 'includes AlwaysPullImages',
      flags: ['--enable-admission-plugins=NodeRestriction,AlwaysPullImages'],
    },
    {
      name: 'repeated, last includes AlwaysPullImages',
      flags: [
        '--enable-admission-plugins=NodeRestriction',
        '--enable-admission-plugins=AlwaysPullImages',
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
          data: { item: 'AlwaysPullImages', value: 'unset (default: none)' },
        },
      ],
    },
    {
      name: 'lacks AlwaysPullImages',
      flags: ['--enable-admission-plugins=NodeRestriction'],
      problems: [
        {
          messageId: 'item-missing',
          flag: 'enable-admission-plugins',
          data: { value: '= NodeRestriction', item: 'AlwaysPullImages' },
        },
      ],
    },
    {
      name: 'repeated, last lacks AlwaysPullImages',
      flags: [
        '--enable-admission-plugins=AlwaysPullImages',
        '--enable-admission-plugins=NodeRestriction',
      ],
      problems: [{ messageId: 'item-missing', flag: 'enable-admission-plugins' }],
    },
  ],
});
