import control from '../../src/controls/linux-hardening.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

function withAnnotation(value: string): Record<string, unknown> {
  const object = podWith({});
  return {
    ...object,
    metadata: {
      name: 'app',
      annotations: { 'container.apparmor.security.beta.kubernetes.io/app': value },
    },
  };
}

controlTester.run(control, {
  valid: [
    {
      name: 'pod seccomp',
      object: podWith({}, { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }),
    },
    {
      name: 'container drops ALL',
      object: podWith({ securityContext: { capabilities: { drop: ['ALL'] } } }),
    },
    {
      name: 'container SELinux',
      object: podWith({ securityContext: { seLinuxOptions: { level: 's0:c1' } } }),
    },
    {
      name: 'AppArmor field',
      object: podWith({ securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }),
    },
    { name: 'legacy AppArmor annotation', object: withAnnotation('runtime/default') },
  ],
  invalid: [
    {
      name: 'nothing',
      object: podWith({}),
      violations: [
        {
          messageId: 'not-hardened',
          path: ['spec', 'containers', 0],
          data: { container: 'container "app"' },
        },
      ],
    },
    {
      name: 'Unconfined profiles and empty drop',
      object: podWith({
        securityContext: { seccompProfile: { type: 'Unconfined' }, capabilities: { drop: [] } },
      }),
      violations: [{ messageId: 'not-hardened', path: ['spec', 'containers', 0] }],
    },
    {
      name: 'unconfined annotation',
      object: withAnnotation('unconfined'),
      violations: [{ messageId: 'not-hardened', path: ['spec', 'containers', 0] }],
    },
  ],
});
