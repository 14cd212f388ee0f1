import control from '../../src/controls/kubelet-iptables-util-chains.js';
import { runKubeletTests } from './kubelet-cases.js';

runKubeletTests(control, {
  valid: [
    { name: 'unset: default true', fields: {} },
    { name: 'true', fields: { makeIPTablesUtilChains: true } },
    { name: 'hostile: spec-like junk keys', fields: { spec: null, metadata: 'x' } },
  ],
  invalid: [
    {
      name: 'false',
      fields: { makeIPTablesUtilChains: false },
      path: ['makeIPTablesUtilChains'],
      value: 'false',
    },
  ],
});
