import { isRecord } from '../model/resource.js';
import { defineControl } from './define.js';

/** Annotations through which cloud load balancers terminate TLS with a certificate. */
const TLS_ANNOTATIONS = [
  'service.beta.kubernetes.io/aws-load-balancer-ssl-cert',
  'service.beta.kubernetes.io/oci-load-balancer-ssl-ports',
  'service.beta.kubernetes.io/do-loadbalancer-certificate-id',
  'service.beta.kubernetes.io/linode-loadbalancer-default-protocol',
  'cloud.google.com/neg',
];
const TLS_PORTS = new Set([443, 636, 853, 993, 995, 6443, 8443, 9443]);

/** A port that speaks TLS by convention: 443-style numbers or a name starting with https/tls. */
function isTlsPort(entry: unknown): boolean {
  if (!isRecord(entry)) return true;
  const name = entry['name'];
  if (typeof name === 'string' && /^(https|tls|grpcs)/.test(name)) return true;
  const port = entry['port'];
  return typeof port === 'number' && TLS_PORTS.has(port);
}

export default defineControl({
  id: 'load-balancer-tls',
  title: 'LoadBalancer Service without TLS',
  description:
    'Flags LoadBalancer Services that expose a plain port (not 443, 8443 or a port named https or tls) without an annotation making the cloud load balancer terminate TLS with a certificate (AWS ssl-cert, DigitalOcean certificate-id, OCI ssl-ports and the like). Traffic to them crosses the internet unencrypted unless the application itself speaks TLS on that port.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
`,
    passing: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-ssl-cert: arn:aws:acm:eu-west-1:111122223333:certificate/8d2f6a1c-3b4e-4f5a-9c7d-0e1f2a3b4c5d
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: https
      port: 443
      targetPort: 8080
`,
  },
  match: {
    kinds: ['Service'],
    where: (resource) =>
      isRecord(resource.object['spec']) && resource.object['spec']['type'] === 'LoadBalancer',
  },
  aliases: { kubescape: ['C-0231', 'C-0245'] },
  messages: {
    'plain-port': 'The LoadBalancer exposes port {port} without a TLS certificate annotation.',
  },
  remediation:
    'Terminate TLS at the load balancer with a certificate (for example service.beta.kubernetes.io/aws-load-balancer-ssl-cert), serve TLS from the application on 443, or route HTTP through an Ingress or Gateway with TLS.',
  check: (resource) => {
    const metadata = resource.object['metadata'];
    const annotations = isRecord(metadata) ? metadata['annotations'] : undefined;
    if (isRecord(annotations) && TLS_ANNOTATIONS.some((name) => Object.hasOwn(annotations, name)))
      return [];
    const spec = resource.object['spec'];
    const ports = isRecord(spec) ? spec['ports'] : undefined;
    if (!Array.isArray(ports)) return [];
    return ports.flatMap((entry: unknown, index) =>
      isTlsPort(entry) || !isRecord(entry)
        ? []
        : [
            {
              messageId: 'plain-port' as const,
              data: { port: String(entry['port']) },
              path: ['spec', 'ports', index],
              evidence: String(entry['port']),
            },
          ],
    );
  },
});
