import control from '../../src/controls/ingress-nginx-end-of-life.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

controlTester.run(control, {
  valid: [
    { name: 'NGINX Inc. controller', object: podWith({ image: 'nginx/nginx-ingress:3.5.0' }) },
    { name: 'plain nginx', object: podWith({ image: 'nginx:1.27' }) },
    { name: 'image missing', object: podWith({ image: 7 }) },
  ],
  invalid: [
    {
      name: 'community controller',
      object: podWith({ image: 'registry.k8s.io/ingress-nginx/controller:v1.11.2@sha256:d5' }),
      violations: [
        {
          messageId: 'end-of-life',
          path: ['spec', 'containers', 0, 'image'],
          evidence: 'registry.k8s.io/ingress-nginx/controller:v1.11.2@sha256:d5',
        },
      ],
    },
    {
      name: 'old registry in a DaemonSet',
      object: workloadOf('DaemonSet', {
        containers: [{ name: 'c', image: 'k8s.gcr.io/ingress-nginx/controller:v1.1.1' }],
      }),
      violations: [
        { messageId: 'end-of-life', path: ['spec', 'template', 'spec', 'containers', 0, 'image'] },
      ],
    },
  ],
});
