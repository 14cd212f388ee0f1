import control, { deprecatedApiVersion } from '../../src/controls/deprecated-api-version.js';
import { controlTester } from './control-tester.js';

function object(apiVersion: string, kind: string): Record<string, unknown> {
  return { apiVersion, kind, metadata: { name: 'x', namespace: 'team' } };
}

controlTester.run(control, {
  valid: [
    { name: 'current Deployment', object: object('apps/v1', 'Deployment') },
    { name: 'current CronJob', object: object('batch/v1', 'CronJob') },
    { name: 'removed version of another kind', object: object('batch/v1beta1', 'Job') },
  ],
  invalid: [
    {
      name: 'extensions Deployment',
      object: object('extensions/v1beta1', 'Deployment'),
      violations: [
        {
          messageId: 'removed-api',
          path: ['apiVersion'],
          evidence: 'extensions/v1beta1',
          data: {
            kind: 'Deployment',
            apiVersion: 'extensions/v1beta1',
            removedIn: 16,
            replacement: 'apps/v1',
          },
        },
      ],
    },
    {
      name: 'beta CronJob',
      object: object('batch/v1beta1', 'CronJob'),
      violations: [{ messageId: 'removed-api', path: ['apiVersion'] }],
    },
    {
      name: 'flow control v1beta3',
      object: object('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema'),
      violations: [{ messageId: 'removed-api', path: ['apiVersion'] }],
    },
  ],
});

controlTester.run(deprecatedApiVersion('1.24'), {
  valid: [
    {
      name: 'removed only after the target',
      object: object('policy/v1beta1', 'PodDisruptionBudget'),
    },
  ],
  invalid: [
    {
      name: 'removed before the target',
      object: object('networking.k8s.io/v1beta1', 'Ingress'),
      violations: [{ messageId: 'removed-api', path: ['apiVersion'] }],
    },
  ],
});

controlTester.run(deprecatedApiVersion('latest'), {
  valid: [],
  invalid: [],
  skipped: [{ name: 'malformed target', object: object('apps/v1', 'Deployment'), reason: /1\.N/ }],
});
