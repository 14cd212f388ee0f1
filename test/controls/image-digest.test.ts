import control from '../../src/controls/image-digest.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const I = ['spec', 'containers', 0, 'image'];

controlTester.run(control, {
  valid: [
    { name: 'digest', object: podWith({ image: 'nginx@sha256:0123' }) },
    { name: 'tag and digest', object: podWith({ image: 'registry:5000/app:1.0@sha256:0123' }) },
    { name: 'image missing', object: podWith({ image: undefined }) },
  ],
  invalid: [
    {
      name: 'tag only',
      object: podWith({ image: 'nginx:1.27' }),
      violations: [
        {
          messageId: 'not-pinned',
          path: I,
          evidence: 'nginx:1.27',
          data: { container: 'container "app"', image: 'nginx:1.27' },
        },
      ],
    },
    {
      name: 'empty digest',
      object: podWith({ image: 'nginx@' }),
      violations: [{ messageId: 'not-pinned', path: I }],
    },
  ],
});
