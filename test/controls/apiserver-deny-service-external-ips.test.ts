import control from '../../src/controls/apiserver-deny-service-external-ips.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    {
      name: 'includes DenyServiceExternalIPs',
      flags: ['--enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs'],
    },
    {
      name: 'repeated, last includes DenyServiceExternalIPs',
      flags: [
        '--enable-admission-plugins=NodeRestriction',
        '--enable-admission-plugins=DenyServiceExternalIPs',
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
          data: { item: 'DenyServiceExternalIPs', value: 'unset (default: none)' },
        },
      ],
    },
    {
      name: 'lacks DenyServiceExternalIPs',
      flags: ['--enable-admission-plugins=NodeRestriction'],
      problems: [
        {
          messageId: 'item-missing',
          flag: 'enable-admission-plugins',
          data: { value: '= NodeRestriction', item: 'DenyServiceExternalIPs' },
        },
      ],
    },
    {
      name: 'repeated, last lacks DenyServiceExternalIPs',
      flags: [
        '--enable-admission-plugins=DenyServiceExternalIPs',
        '--enable-admission-plugins=NodeRestriction',
      ],
      problems: [{ messageId: 'item-missing', flag: 'enable-admission-plugins' }],
    },
  ],
});
