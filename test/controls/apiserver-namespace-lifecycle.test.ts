import control from '../../src/controls/apiserver-namespace-lifecycle.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'unset', flags: ['--v=2'] },
    { name: 'without NamespaceLifecycle', flags: ['--disable-admission-plugins=AlwaysPullImages'] },
    {
      name: 'repeated, last without NamespaceLifecycle',
      flags: [
        '--disable-admission-plugins=NamespaceLifecycle',
        '--disable-admission-plugins=AlwaysPullImages',
      ],
    },
  ],
  invalid: [
    {
      name: 'includes NamespaceLifecycle',
      flags: ['--disable-admission-plugins=AlwaysPullImages,NamespaceLifecycle'],
      problems: [
        {
          messageId: 'item-present',
          flag: 'disable-admission-plugins',
          data: { value: '= AlwaysPullImages,NamespaceLifecycle', item: 'NamespaceLifecycle' },
        },
      ],
    },
    {
      name: 'repeated, last includes NamespaceLifecycle',
      flags: [
        '--disable-admission-plugins=AlwaysPullImages',
        '--disable-admission-plugins=NamespaceLifecycle',
      ],
      problems: [{ messageId: 'item-present', flag: 'disable-admission-plugins' }],
    },
  ],
});
