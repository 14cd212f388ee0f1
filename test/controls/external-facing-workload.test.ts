import control from '../../src/controls/external-facing-workload.js';
import { deploymentWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';
import { service } from './network-fixtures.js';

const web = deploymentWith({});
const selecting = (type: string) =>
  service({ type, selector: { app: 'app' }, ports: [{ port: 80 }] });
const route = (kind: string, spec: unknown, apiVersion = 'gateway.networking.k8s.io/v1') => ({
  apiVersion,
  kind,
  metadata: { name: 'r', namespace: 'team' },
  spec,
});

controlTester.run(control, {
  valid: [
    { name: 'no Services', object: web },
    { name: 'ClusterIP Service only', object: web, extra: [selecting('ClusterIP')] },
    {
      name: 'LoadBalancer selecting other pods',
      object: web,
      extra: [service({ type: 'LoadBalancer', selector: { app: 'other' } })],
    },
    {
      name: 'Ingress to a Service that selects other pods',
      object: web,
      extra: [
        service({ selector: { app: 'other' } }),
        route('Ingress', { defaultBackend: { service: { name: 'web' } } }, 'networking.k8s.io/v1'),
      ],
    },
  ],
  invalid: [
    {
      name: 'LoadBalancer Service',
      object: web,
      extra: [selecting('LoadBalancer')],
      violations: [
        { messageId: 'exposed', path: ['metadata'], evidence: 'Service web (LoadBalancer)' },
      ],
    },
    {
      name: 'Ingress rule to a ClusterIP Service',
      object: web,
      extra: [
        selecting('ClusterIP'),
        route(
          'Ingress',
          { rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web' } } }] } }] },
          'networking.k8s.io/v1',
        ),
      ],
      violations: [
        { messageId: 'exposed', path: ['metadata'], evidence: 'Ingress r -> Service web' },
      ],
    },
    {
      name: 'HTTPRoute and NodePort',
      object: web,
      extra: [
        selecting('NodePort'),
        route('HTTPRoute', { rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] }),
      ],
      violations: [
        {
          messageId: 'exposed',
          path: ['metadata'],
          evidence: 'Service web (NodePort); HTTPRoute r -> Service web',
          data: { how: 'Service web (NodePort)', more: ' and 1 more' },
        },
      ],
    },
    {
      name: 'Istio VirtualService',
      object: web,
      extra: [
        selecting('ClusterIP'),
        route(
          'VirtualService',
          { http: [{ route: [{ destination: { host: 'web.team.svc.cluster.local' } }] }] },
          'networking.istio.io/v1',
        ),
      ],
      violations: [
        { messageId: 'exposed', path: ['metadata'], evidence: 'VirtualService r -> Service web' },
      ],
    },
  ],
});
