import { yaml } from '../core/lazy-require.js';
import { isRecord } from '../model/resource.js';
import { defineControl } from './define.js';

/** kube-proxy's default when metricsBindAddress is empty or unset. */
const DEFAULT_ADDRESS = '127.0.0.1:10249';

function isLoopback(address: string): boolean {
  const host = address.startsWith('[')
    ? address.slice(1, address.indexOf(']'))
    : address.slice(0, address.lastIndexOf(':') === -1 ? undefined : address.lastIndexOf(':'));
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Shown by `cubecape explain` and the docs; the meta-test runs them through the control. */
const examples = {
  failing: `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-proxy
  namespace: kube-system
data:
  config.conf: |
    apiVersion: kubeproxy.config.k8s.io/v1alpha1
    kind: KubeProxyConfiguration
    mode: iptables
    metricsBindAddress: 0.0.0.0:10249
`,
  passing: `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-proxy
  namespace: kube-system
data:
  config.conf: |
    apiVersion: kubeproxy.config.k8s.io/v1alpha1
    kind: KubeProxyConfiguration
    mode: iptables
    metricsBindAddress: 127.0.0.1:10249
`,
};

export default defineControl({
  id: 'kube-proxy-metrics-bind-address',
  title: 'kube-proxy metrics not bound to localhost',
  description:
    'Reads the KubeProxyConfiguration kept in the kube-system/kube-proxy ConfigMap and flags a metricsBindAddress that is not a loopback address. The metrics endpoint needs no authentication, so binding it to every interface tells anyone on the network about the node and its Services.',
  severity: 'medium',
  match: {
    kinds: ['ConfigMap'],
    where: (resource) => resource.name === 'kube-proxy' && resource.namespace === 'kube-system',
  },
  aliases: { kubescape: ['C-0291'], cis: ['4.3.1'] },
  messages: {
    'not-loopback': 'kube-proxy binds its metrics to {address}; expected a loopback address.',
  },
  remediation:
    'Set metricsBindAddress: 127.0.0.1:10249 (or leave it empty) in the kube-proxy configuration and restart the kube-proxy pods; scrape metrics through a local agent instead.',
  check: (resource) => {
    const data = resource.object['data'];
    if (!isRecord(data)) return { skipped: 'the ConfigMap has no data' };
    const key = Object.keys(data).find((name) => /\.conf$|\.ya?ml$/.test(name));
    const text = key === undefined ? undefined : data[key];
    if (key === undefined || typeof text !== 'string')
      return { skipped: 'the ConfigMap holds no kube-proxy configuration file' };
    let config: unknown;
    try {
      config = yaml().parse(text);
    } catch (error) {
      return {
        skipped: `data.${key} is not YAML: ${(error as Error).message.split('\n')[0] ?? ''}`,
      };
    }
    if (!isRecord(config)) return { skipped: `data.${key} is not a KubeProxyConfiguration object` };
    const value = config['metricsBindAddress'];
    const address =
      typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_ADDRESS;
    if (isLoopback(address)) return [];
    return [
      { messageId: 'not-loopback', data: { address }, path: ['data', key], evidence: address },
    ];
  },
  examples,
});
