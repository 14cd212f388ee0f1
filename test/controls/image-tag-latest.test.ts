import control from '../../src/controls/image-tag-latest.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const IMAGE = ['spec', 'containers', 0, 'image'];

const valid = [
  'nginx:1.27',
  'registry.example:5000/team/app:2.1',
  'nginx@sha256:0123abcd',
  'nginx:latest@sha256:0123abcd',
  'localhost:5000/app:v1',
  'app:Latest',
];
const invalid: [string, 'latest-tag' | 'no-tag'][] = [
  ['nginx', 'no-tag'],
  ['nginx:latest', 'latest-tag'],
  ['registry.example:5000/team/app', 'no-tag'],
  ['host:5000/img:latest', 'latest-tag'],
  ['ghcr.io/org/app:', 'no-tag'],
];

controlTester.run(control, {
  valid: [
    ...valid.map((image) => ({ name: `image ${image}`, object: podWith({ image }) })),
    {
      name: 'image missing or not a string',
      object: workloadOf('Pod', { containers: [{ name: 'a' }, { name: 'b', image: 42 }] }),
    },
    { name: 'empty image string', object: podWith({ image: '' }) },
  ],
  invalid: [
    ...invalid.map(([image, messageId]) => ({
      name: `image ${image}`,
      object: podWith({ image }),
      violations: [{ messageId, path: IMAGE, evidence: image }],
    })),
    {
      name: 'init container of a Deployment',
      object: workloadOf('Deployment', {
        containers: [{ name: 'a', image: 'a:1' }],
        initContainers: [{ name: 'i', image: 'busybox' }],
      }),
      violations: [
        {
          messageId: 'no-tag',
          path: ['spec', 'template', 'spec', 'initContainers', 0, 'image'],
          data: { container: 'init container "i"', image: 'busybox' },
        },
      ],
    },
  ],
});
