import control from '../../src/controls/pss-seccomp-profile-baseline.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const POD_KEY = 'seccomp.security.alpha.kubernetes.io/pod';
const seccomp = (seccompProfile: unknown) => podWith({ securityContext: { seccompProfile } });

function annotatedPod(annotations: Record<string, unknown>, profile?: unknown) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', annotations },
    spec: {
      ...(profile === undefined ? {} : { securityContext: { seccompProfile: profile } }),
      containers: [{ name: 'app', image: 'a:1' }],
    },
  };
}

controlTester.run(control, {
  valid: [
    { name: 'no profile at all (baseline does not require one)', object: podWith({}) },
    { name: 'RuntimeDefault', object: seccomp({ type: 'RuntimeDefault' }) },
    { name: 'Localhost', object: seccomp({ type: 'Localhost', localhostProfile: 'p.json' }) },
    {
      name: 'annotations are not read from v1.19',
      object: annotatedPod({ [POD_KEY]: 'unconfined' }),
    },
    {
      name: 'fields are not read before v1.19',
      object: annotatedPod({}, { type: 'Unconfined' }),
      settings: { pssVersion: 'v1.18' },
    },
    {
      name: 'docker/default annotation before v1.19',
      object: annotatedPod({ [POD_KEY]: 'docker/default' }),
      settings: { pssVersion: 'v1.18' },
    },
  ],
  invalid: [
    {
      name: 'Unconfined on the pod',
      object: podWith({}, { securityContext: { seccompProfile: { type: 'Unconfined' } } }),
      violations: [
        {
          messageId: 'profile-type',
          path: ['spec', 'securityContext', 'seccompProfile', 'type'],
          evidence: 'Unconfined',
        },
      ],
    },
    {
      name: 'profile without a type: reported at the profile',
      object: seccomp({}),
      violations: [
        {
          messageId: 'missing-type',
          path: ['spec', 'containers', 0, 'securityContext', 'seccompProfile'],
        },
      ],
    },
    {
      name: 'unconfined pod annotation before v1.19',
      object: annotatedPod({ [POD_KEY]: 'unconfined' }),
      settings: { pssVersion: 'v1.18' },
      violations: [
        {
          messageId: 'annotation',
          path: ['metadata', 'annotations', POD_KEY],
          evidence: 'unconfined',
          data: {
            where: `annotation "${POD_KEY}"`,
            field: POD_KEY,
            value: 'unconfined',
            version: 'v1.18',
          },
        },
      ],
    },
  ],
  skipped: [{ name: 'spec null', object: { apiVersion: 'v1', kind: 'Pod', spec: null } }],
});
