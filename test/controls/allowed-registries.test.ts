import control, { allowedRegistries } from '../../src/controls/allowed-registries.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const configured = allowedRegistries(['registry.example', 'ghcr.io/acme/', 'docker.io/library']);
const I = ['spec', 'containers', 0, 'image'];

controlTester.run(configured, {
  valid: [
    { name: 'allowed registry', object: podWith({ image: 'registry.example/app:1.0' }) },
    { name: 'allowed path prefix', object: podWith({ image: 'ghcr.io/acme/api@sha256:abc' }) },
    {
      name: 'Docker Hub official image',
      object: podWith({ image: 'docker.io/library/nginx:1.27' }),
    },
    { name: 'case-insensitive', object: podWith({ image: 'Registry.Example/app:1' }) },
    { name: 'image not a string', object: podWith({ image: null }) },
  ],
  invalid: [
    {
      name: 'other registry',
      object: podWith({ image: 'quay.io/x/y:1' }),
      violations: [
        {
          messageId: 'registry-not-allowed',
          path: I,
          evidence: 'quay.io/x/y:1',
          data: { container: 'container "app"', image: 'quay.io/x/y:1' },
        },
      ],
    },
    {
      name: 'prefix must end at a path boundary',
      object: podWith({ image: 'ghcr.io/acme-evil/api:1' }),
      violations: [{ messageId: 'registry-not-allowed', path: I }],
    },
    {
      name: 'implicit Docker Hub user image',
      object: podWith({ image: 'someone/tool:1' }),
      violations: [{ messageId: 'registry-not-allowed', path: I }],
    },
  ],
});

controlTester.run(control, {
  valid: [],
  invalid: [],
  skipped: [
    {
      name: 'nothing configured',
      object: podWith({ image: 'quay.io/x/y:1' }),
      reason: /no allowed registries configured/,
    },
  ],
});
