import control from '../../src/controls/deprecated-image-registry.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const I = ['spec', 'containers', 0, 'image'];

controlTester.run(control, {
  valid: [
    { name: 'new registry', object: podWith({ image: 'registry.k8s.io/pause:3.9' }) },
    { name: 'look-alike path', object: podWith({ image: 'example.com/k8s.gcr.io/pause:3.9' }) },
    { name: 'image not a string', object: podWith({ image: ['k8s.gcr.io/pause'] }) },
  ],
  invalid: [
    {
      name: 'frozen registry',
      object: podWith({ image: 'k8s.gcr.io/ingress-nginx/controller:v1.2.0' }),
      violations: [
        {
          messageId: 'frozen-registry',
          path: I,
          evidence: 'k8s.gcr.io/ingress-nginx/controller:v1.2.0',
        },
      ],
    },
    {
      name: 'upper case and surrounding spaces',
      object: podWith({ image: ' K8S.GCR.IO/pause:3.2 ' }),
      violations: [{ messageId: 'frozen-registry', path: I }],
    },
  ],
});
