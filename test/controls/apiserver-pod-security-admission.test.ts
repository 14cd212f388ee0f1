import control from '../../src/controls/apiserver-pod-security-admission.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'defaults: PodSecurity on', flags: ['--v=2'] },
    { name: 'other plugins disabled', flags: ['--disable-admission-plugins=DefaultStorageClass'] },
    {
      name: 'PodSecurity off but PodSecurityPolicy on',
      flags: [
        '--disable-admission-plugins=PodSecurity',
        '--enable-admission-plugins=PodSecurityPolicy',
      ],
    },
    {
      name: 'PodSecurity off but SecurityContextDeny on',
      flags: [
        '--disable-admission-plugins=PodSecurity',
        '--enable-admission-plugins=SecurityContextDeny',
      ],
    },
  ],
  invalid: [
    {
      name: 'PodSecurity disabled',
      flags: ['--disable-admission-plugins=PodSecurity,DefaultStorageClass'],
      problems: [
        {
          messageId: 'no-pod-security',
          flag: 'disable-admission-plugins',
          data: { value: '= PodSecurity,DefaultStorageClass' },
        },
      ],
    },
    {
      name: 'PodSecurity disabled, unrelated plugins enabled',
      flags: [
        '--enable-admission-plugins=NodeRestriction',
        '--disable-admission-plugins=PodSecurity',
      ],
      problems: [{ messageId: 'no-pod-security', flag: 'disable-admission-plugins' }],
    },
  ],
});
