import { isRecord } from '../model/resource.js';
import { defineControl } from './define.js';
import { outOfScanReason, podTemplatesIn, templatesSelectedBy } from './scan-scope.js';

export default defineControl({
  id: 'dangling-service',
  title: 'Service that selects no pods',
  description:
    'Flags Services whose selector matches none of the pod templates of their namespace in the scan. The Service gets no endpoints, so its clients fail, usually after a label was renamed on one side only. Services without a selector (endpoints managed by hand) and ExternalName Services are not judged, nor are namespaces with no workloads in the scan.',
  severity: 'low',
  examples: {
    failing: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: webapp
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example/shop/web:1.4.2
`,
    passing: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example/shop/web:1.4.2
`,
  },
  match: { kinds: ['Service'] },
  aliases: { kubescape: ['C-0293'], kubeLinter: ['dangling-service'] },
  messages: {
    'selects-nothing':
      'The selector matches none of the {count} workloads of this namespace in the scan.',
  },
  remediation:
    'Make spec.selector match the labels of the pod template that should serve this Service (compare both sides key by key), or remove the Service.',
  check: (resource, context) => {
    const spec = resource.object['spec'];
    if (!isRecord(spec)) return { skipped: 'spec is missing or not an object' };
    const selector = spec['selector'];
    if (
      spec['type'] === 'ExternalName' ||
      !isRecord(selector) ||
      Object.keys(selector).length === 0
    )
      return [];
    const templates = podTemplatesIn(context, resource.namespace);
    if (templates.length === 0)
      return { skipped: outOfScanReason('workloads', resource.namespace) };
    if (templatesSelectedBy(context, resource.namespace, selector).length > 0) return [];
    return [
      {
        messageId: 'selects-nothing',
        data: { count: templates.length },
        path: ['spec', 'selector'],
        evidence: JSON.stringify(selector),
      },
    ];
  },
});
