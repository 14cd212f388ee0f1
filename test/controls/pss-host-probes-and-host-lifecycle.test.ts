import control from '../../src/controls/pss-host-probes-and-host-lifecycle.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const C = ['spec', 'containers', 0];
const probing = {
  livenessProbe: { httpGet: { host: '169.254.169.254', path: '/', port: 80 } },
  lifecycle: { preStop: { tcpSocket: { host: 'db.internal', port: 5432 } } },
};

controlTester.run(control, {
  valid: [
    {
      name: 'probes without host',
      object: podWith({ readinessProbe: { httpGet: { path: '/', port: 8080 } } }),
    },
    { name: 'empty host', object: podWith({ startupProbe: { tcpSocket: { host: '', port: 1 } } }) },
    { name: 'probe not an object', object: podWith({ livenessProbe: 'http://x' }) },
    { name: 'lifecycle null', object: podWith({ lifecycle: null }) },
  ],
  invalid: [
    {
      name: 'probe and hook aimed at other hosts',
      object: podWith(probing),
      violations: [
        {
          messageId: 'probe-host',
          path: [...C, 'livenessProbe', 'httpGet', 'host'],
          evidence: '169.254.169.254',
          data: {
            where: 'container "app"',
            field: 'host',
            value: '169.254.169.254',
            version: 'v1.37 (latest)',
          },
        },
        {
          messageId: 'probe-host',
          path: [...C, 'lifecycle', 'preStop', 'tcpSocket', 'host'],
          evidence: 'db.internal',
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'not part of the standard before v1.34',
      object: podWith(probing),
      settings: { pssVersion: 'v1.33' },
      reason: /^not part of the Pod Security Standards at v1\.33$/,
    },
    {
      name: 'spec null',
      object: { apiVersion: 'v1', kind: 'Pod', spec: null },
      reason: /no pod spec/,
    },
  ],
});
