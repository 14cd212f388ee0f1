import control, { forbiddenRegistries } from '../../src/controls/forbidden-registries.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const configured = forbiddenRegistries(['docker.io', 'quay.io/untrusted']);

controlTester.run(configured, {
  valid: [
    { name: 'other registry', object: podWith({ image: 'registry.example/app:1' }) },
    { name: 'other quay path', object: podWith({ image: 'quay.io/trusted/app:1' }) },
    { name: 'empty image', object: podWith({ image: '' }) },
  ],
  invalid: [
    {
      name: 'implicit Docker Hub',
      object: podWith({ image: 'nginx:1.27' }),
      violations: [
        {
          messageId: 'registry-forbidden',
          path: ['spec', 'containers', 0, 'image'],
          evidence: 'nginx:1.27',
        },
      ],
    },
    {
      name: 'forbidden path in an init container',
      object: workloadOf('Pod', {
        containers: [],
        initContainers: [{ name: 'i', image: 'quay.io/untrusted/x:1' }],
      }),
      violations: [
        {
          messageId: 'registry-forbidden',
          path: ['spec', 'initContainers', 0, 'image'],
          data: { container: 'init container "i"', image: 'quay.io/untrusted/x:1' },
        },
      ],
    },
  ],
});

controlTester.run(control, {
  valid: [],
  invalid: [],
  skipped: [
    {
      name: 'nothing configured',
      object: podWith({ image: 'nginx' }),
      reason: /no forbidden registries configured/,
    },
  ],
});
