import control from '../../src/controls/exposed-sensitive-interface.js';
import { deploymentWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';
import { service } from './network-fixtures.js';

const dashboard = deploymentWith({ image: 'docker.io/kubernetesui/dashboard:v2.7.0' });
const svc = (type: string) => service({ type, selector: { app: 'app' } });
const IMAGE = ['spec', 'template', 'spec', 'containers', 0, 'image'];

controlTester.run(control, {
  valid: [
    { name: 'dashboard on a ClusterIP Service', object: dashboard, extra: [svc('ClusterIP')] },
    {
      name: 'ordinary app on a LoadBalancer',
      object: deploymentWith({}),
      extra: [svc('LoadBalancer')],
    },
    {
      name: 'hostile: image not a string',
      object: deploymentWith({ image: 7 }),
      extra: [svc('NodePort')],
    },
  ],
  invalid: [
    {
      name: 'dashboard behind a LoadBalancer',
      object: dashboard,
      extra: [svc('LoadBalancer')],
      violations: [
        {
          messageId: 'sensitive-exposed',
          path: IMAGE,
          evidence: 'docker.io/kubernetesui/dashboard:v2.7.0',
          data: {
            image: 'docker.io/kubernetesui/dashboard:v2.7.0',
            how: 'Service web (LoadBalancer)',
          },
        },
      ],
    },
    {
      name: 'Jupyter behind a NodePort',
      object: deploymentWith({ image: 'quay.io/jupyter/base-notebook:2024-10-07' }),
      extra: [svc('NodePort')],
      violations: [{ messageId: 'sensitive-exposed', path: IMAGE }],
    },
  ],
});
