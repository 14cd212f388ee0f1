import control from '../../src/controls/pss-app-armor-profile.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/app';

function deploymentAnnotated(annotations: unknown, podSecurityContext?: unknown) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'team' },
    spec: {
      template: {
        metadata: { annotations },
        spec: {
          ...(podSecurityContext === undefined ? {} : { securityContext: podSecurityContext }),
          containers: [{ name: 'app', image: 'a:1' }],
        },
      },
    },
  };
}

controlTester.run(control, {
  valid: [
    {
      name: 'RuntimeDefault',
      object: podWith({ securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }),
    },
    {
      name: 'Localhost profile',
      object: podWith({
        securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-app' } },
      }),
    },
    {
      name: 'allowed annotations',
      object: deploymentAnnotated({ [ANNOTATION]: 'localhost/k8s-app', x: 'unconfined' }),
    },
    { name: 'annotations not an object', object: deploymentAnnotated('unconfined') },
    { name: 'annotation value not a string', object: deploymentAnnotated({ [ANNOTATION]: 5 }) },
  ],
  invalid: [
    {
      name: 'pod-level Unconfined type',
      object: podWith({}, { securityContext: { appArmorProfile: { type: 'Unconfined' } } }),
      violations: [
        {
          messageId: 'profile-type',
          path: ['spec', 'securityContext', 'appArmorProfile', 'type'],
          evidence: 'Unconfined',
          data: { where: 'pod', field: 'type', value: 'Unconfined', version: 'v1.37 (latest)' },
        },
      ],
    },
    {
      name: 'profile without a type: reported at the profile',
      object: podWith({ securityContext: { appArmorProfile: {} } }),
      violations: [
        {
          messageId: 'profile-type',
          path: ['spec', 'containers', 0, 'securityContext', 'appArmorProfile'],
        },
      ],
    },
    {
      name: 'unconfined annotation on a Deployment template',
      object: deploymentAnnotated({ [ANNOTATION]: 'unconfined' }),
      violations: [
        {
          messageId: 'annotation',
          path: ['spec', 'template', 'metadata', 'annotations', ANNOTATION],
          evidence: 'unconfined',
          data: {
            where: `annotation "${ANNOTATION}"`,
            field: ANNOTATION,
            value: 'unconfined',
            version: 'v1.37 (latest)',
          },
        },
      ],
    },
  ],
  skipped: [{ name: 'spec null', object: { apiVersion: 'v1', kind: 'Pod', spec: null } }],
});
