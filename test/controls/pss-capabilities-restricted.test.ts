import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isSkipped } from '../../src/controls/define.js';
import control from '../../src/controls/pss-capabilities-restricted.js';
import { buildScanContext } from '../../src/model/build-context.js';
import { makeResource, podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const C = ['spec', 'containers', 0];
const CAPS = [...C, 'securityContext', 'capabilities'];
const caps = (capabilities: unknown) => podWith({ securityContext: { capabilities } });

controlTester.run(control, {
  valid: [
    { name: 'drop ALL', object: caps({ drop: ['ALL'] }) },
    {
      name: 'drop ALL, add NET_BIND_SERVICE',
      object: caps({ drop: ['ALL'], add: ['NET_BIND_SERVICE'] }),
    },
    {
      name: 'capabilities outside the default set are left to pss-capabilities-baseline',
      object: caps({ drop: ['ALL'], add: ['SYS_ADMIN'] }),
    },
    {
      name: 'Windows pods are exempt from v1.25',
      object: podWith({}, { os: { name: 'windows' } }),
    },
  ],
  invalid: [
    {
      name: 'no securityContext: reported at the container',
      object: podWith({}),
      violations: [
        {
          messageId: 'drop-all-missing',
          path: C,
          data: {
            where: 'container "app"',
            field: 'drop',
            value: 'unset',
            version: 'v1.37 (latest)',
          },
        },
      ],
    },
    {
      name: 'drop without ALL: the list is the evidence',
      object: caps({ drop: ['NET_RAW'] }),
      violations: [
        { messageId: 'drop-all-missing', path: [...CAPS, 'drop'], evidence: '["NET_RAW"]' },
      ],
    },
    {
      name: 'lower-case all does not count',
      object: caps({ drop: ['all'] }),
      violations: [{ messageId: 'drop-all-missing', path: [...CAPS, 'drop'], evidence: '["all"]' }],
    },
    {
      name: 'a default-set capability added back',
      object: caps({ drop: ['ALL'], add: ['NET_BIND_SERVICE', 'CHOWN'] }),
      violations: [{ messageId: 'added-capability', path: [...CAPS, 'add', 1], evidence: 'CHOWN' }],
    },
    {
      name: 'Windows pods are not exempt before v1.25',
      object: podWith({}, { os: { name: 'windows' } }),
      settings: { pssVersion: 'v1.22' },
      violations: [{ messageId: 'drop-all-missing', path: C }],
    },
  ],
  skipped: [
    {
      name: 'not part of the standard before v1.22',
      object: podWith({}),
      settings: { pssVersion: 'v1.21' },
      reason: /^not part of the Pod Security Standards at v1\.21$/,
    },
    {
      name: 'ephemeralContainers a string',
      object: podWith({}, { ephemeralContainers: 'x' }),
      reason: /not a list/,
    },
  ],
});

it('adds ALL to an existing drop list, keeping its string entries', () => {
  const cases = [
    { drop: ['NET_RAW', 7], expected: ['NET_RAW', 'ALL'] },
    { drop: 'ALL', expected: ['ALL'] },
    { drop: undefined, expected: ['ALL'] },
  ];
  for (const { drop, expected } of cases) {
    const resource = makeResource(caps(drop === undefined ? {} : { drop }));
    const result = control.check(resource, buildScanContext([resource], { source: 'manifests' }));
    if (isSkipped(result)) assert.fail(result.skipped);
    assert.deepEqual(result[0]?.fix, [{ op: 'set', path: [...CAPS, 'drop'], value: expected }]);
  }
});
