import control from '../../src/controls/latest-image-pull-policy.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const P = ['spec', 'containers', 0, 'imagePullPolicy'];

controlTester.run(control, {
  valid: [
    {
      name: 'latest with Always',
      object: podWith({ image: 'nginx:latest', imagePullPolicy: 'Always' }),
    },
    {
      name: 'latest with the policy unset defaults to Always',
      object: podWith({ image: 'nginx' }),
    },
    {
      name: 'pinned tag with IfNotPresent',
      object: podWith({ image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }),
    },
    {
      name: 'digest with Never',
      object: podWith({ image: 'nginx@sha256:abc', imagePullPolicy: 'Never' }),
    },
    { name: 'image not a string', object: podWith({ image: 42, imagePullPolicy: 'Never' }) },
    { name: 'policy null', object: podWith({ image: 'nginx', imagePullPolicy: null }) },
  ],
  invalid: [
    {
      name: 'latest with IfNotPresent',
      object: podWith({ image: 'nginx:latest', imagePullPolicy: 'IfNotPresent' }),
      violations: [
        {
          messageId: 'stale-latest',
          path: P,
          evidence: 'IfNotPresent',
          data: { container: 'container "app"', image: 'nginx:latest', policy: 'IfNotPresent' },
        },
      ],
    },
    {
      name: 'no tag with Never, registry with a port',
      object: podWith({ image: 'registry:5000/team/app', imagePullPolicy: 'Never' }),
      violations: [{ messageId: 'stale-latest', path: P, evidence: 'Never' }],
    },
    {
      name: 'policy with a wrong type in a StatefulSet',
      object: workloadOf('StatefulSet', {
        containers: [{ name: 'a', image: 'app', imagePullPolicy: true }],
      }),
      violations: [
        {
          messageId: 'stale-latest',
          path: ['spec', 'template', 'spec', 'containers', 0, 'imagePullPolicy'],
          evidence: 'true',
        },
      ],
    },
  ],
});
