import control from '../../src/controls/pss-windows-host-process.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

controlTester.run(control, {
  valid: [
    {
      name: 'hostProcess false',
      object: podWith({ securityContext: { windowsOptions: { hostProcess: false } } }),
    },
    {
      name: 'windowsOptions not an object',
      object: podWith({ securityContext: { windowsOptions: true } }),
    },
  ],
  invalid: [
    {
      name: 'pod and container host processes, pod first',
      object: podWith(
        { securityContext: { windowsOptions: { hostProcess: true } } },
        { os: { name: 'windows' }, securityContext: { windowsOptions: { hostProcess: true } } },
      ),
      violations: [
        {
          messageId: 'host-process',
          path: ['spec', 'securityContext', 'windowsOptions', 'hostProcess'],
          evidence: 'true',
          data: { where: 'pod', field: 'hostProcess', value: 'true', version: 'v1.37 (latest)' },
        },
        {
          messageId: 'host-process',
          path: ['spec', 'containers', 0, 'securityContext', 'windowsOptions', 'hostProcess'],
        },
      ],
    },
  ],
  skipped: [{ name: 'spec null', object: { apiVersion: 'v1', kind: 'Pod', spec: null } }],
});
