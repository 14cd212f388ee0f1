import control from '../../src/controls/kube-proxy-metrics-bind-address.js';
import { controlTester } from './control-tester.js';

const configMap = (data: unknown) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'kube-proxy', namespace: 'kube-system' },
  data,
});
const config = (line: string) => ({
  'config.conf': `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n${line}\n`,
});

controlTester.run(control, {
  valid: [
    { name: 'unset: the default is loopback', object: configMap(config('mode: iptables')) },
    { name: 'empty string (kubeadm)', object: configMap(config('metricsBindAddress: ""')) },
    { name: 'explicit loopback', object: configMap(config('metricsBindAddress: 127.0.0.1:10249')) },
    { name: 'IPv6 loopback', object: configMap(config('metricsBindAddress: "[::1]:10249"')) },
  ],
  invalid: [
    {
      name: 'every interface',
      object: configMap(config('metricsBindAddress: 0.0.0.0:10249')),
      violations: [
        { messageId: 'not-loopback', path: ['data', 'config.conf'], evidence: '0.0.0.0:10249' },
      ],
    },
    {
      name: 'a node address',
      object: configMap(config('metricsBindAddress: 10.0.0.5:10249')),
      violations: [{ messageId: 'not-loopback', path: ['data', 'config.conf'] }],
    },
  ],
  skipped: [
    { name: 'hostile: no data', object: configMap(undefined), reason: /no data/ },
    { name: 'hostile: not YAML', object: configMap({ 'config.conf': 'a: [' }), reason: /not YAML/ },
    { name: 'hostile: no config file', object: configMap({ other: 'x' }), reason: /no kube-proxy/ },
  ],
});
