import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';

type MessageId = 'no-tls' | 'host-without-tls';

/** Hosts listed under spec.tls[].hosts. */
function tlsHosts(tls: readonly unknown[]): string[] {
  return tls.flatMap((entry) => {
    const hosts = isRecord(entry) ? entry['hosts'] : undefined;
    return Array.isArray(hosts) ? hosts.filter((h): h is string => typeof h === 'string') : [];
  });
}

/** Exact match, or a `*.example.com` entry covering one label in front of example.com. */
function covers(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (!pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1);
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.');
}

export default defineControl({
  id: 'ingress-tls',
  title: 'Ingress without TLS',
  description:
    'Flags Ingresses with no spec.tls section, and rule hosts that no TLS entry covers. Traffic to those hosts is served over plain HTTP, so credentials and session cookies cross the network readable by anyone on the path.',
  severity: 'high',
  examples: {
    failing: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`,
    passing: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  tls:
    - hosts: ['shop.example.com']
      secretName: shop-example-com-tls
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`,
  },
  match: { kinds: ['Ingress'] },
  aliases: { kubescape: ['C-0263', 'C-0245'], polaris: ['tlsSettingsMissing'] },
  messages: {
    'no-tls': 'The Ingress has no TLS configuration.',
    'host-without-tls': 'Host {host} is served without TLS: no spec.tls entry lists it.',
  },
  remediation:
    'Add a spec.tls entry listing every host with a certificate Secret (cert-manager can issue and renew it), and make the ingress controller redirect HTTP to HTTPS.',
  check: (resource) => {
    const spec = resource.object['spec'];
    if (!isRecord(spec)) return { skipped: 'spec is missing or not an object' };
    const tls = spec['tls'];
    if (!Array.isArray(tls) || tls.length === 0)
      return [
        {
          messageId: 'no-tls',
          path: tls === undefined || tls === null ? ['spec'] : ['spec', 'tls'],
        },
      ];
    const hosts = tlsHosts(tls);
    const rules = spec['rules'];
    if (!Array.isArray(rules)) return [];
    return rules.flatMap((rule: unknown, index): Violation<MessageId>[] => {
      const host = isRecord(rule) ? rule['host'] : undefined;
      if (typeof host !== 'string' || hosts.some((pattern) => covers(pattern, host))) return [];
      return [
        {
          messageId: 'host-without-tls',
          data: { host },
          path: ['spec', 'rules', index, 'host'],
          evidence: host,
        },
      ];
    });
  },
});
