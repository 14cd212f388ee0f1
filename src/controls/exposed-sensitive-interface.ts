import { containersOf } from '../model/containers.js';
import { podSpecOf } from '../model/workload.js';
import { defineControl } from './define.js';
import { exposuresOf } from './exposure.js';
import { imageOf } from './image-versions.js';
import { WORKLOAD_KINDS } from './kinds.js';

/**
 * Image names (last repository segment) of tools whose web interface controls the cluster, runs
 * code or shows data, and that should never face the internet without authentication in front.
 */
const SENSITIVE = new Set([
  'kubernetes-dashboard',
  'dashboard',
  'argocd',
  'argo-server',
  'argocli',
  'jupyter',
  'base-notebook',
  'minimal-notebook',
  'scipy-notebook',
  'datascience-notebook',
  'ray',
  'nifi',
  'weave-scope',
  'kubeflow',
  'mlflow',
  'airflow',
  'prometheus',
  'alertmanager',
  'kibana',
  'elasticsearch',
]);

export default defineControl({
  id: 'exposed-sensitive-interface',
  title: 'Sensitive web interface exposed outside the cluster',
  description:
    'Flags workloads running a tool with a powerful web interface (Kubernetes Dashboard, Argo, Jupyter, Ray, NiFi, Kubeflow, MLflow, Airflow, Prometheus, Kibana and similar) that are reachable from outside the cluster through a NodePort or LoadBalancer Service, an Ingress, a Gateway API route or an Istio VirtualService. Attackers scan for these to run code or read data.',
  severity: 'high',
  examples: {
    failing: `apiVersion: v1
kind: Service
metadata:
  name: notebook
  namespace: research
spec:
  type: NodePort
  selector:
    app: notebook
  ports:
    - port: 8888
      targetPort: 8888
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: notebook
  namespace: research
spec:
  selector:
    matchLabels:
      app: notebook
  template:
    metadata:
      labels:
        app: notebook
    spec:
      containers:
        - name: notebook
          image: quay.io/jupyter/base-notebook:2024-07-29
`,
    passing: `apiVersion: v1
kind: Service
metadata:
  name: notebook
  namespace: research
spec:
  type: ClusterIP
  selector:
    app: notebook
  ports:
    - port: 8888
      targetPort: 8888
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: notebook
  namespace: research
spec:
  selector:
    matchLabels:
      app: notebook
  template:
    metadata:
      labels:
        app: notebook
    spec:
      containers:
        - name: notebook
          image: quay.io/jupyter/base-notebook:2024-07-29
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0021'] },
  messages: {
    'sensitive-exposed':
      'The workload runs {image} and is reachable from outside the cluster through {how}.',
  },
  remediation:
    'Keep these interfaces on ClusterIP Services reached through kubectl port-forward or a VPN, or put them behind an authenticating proxy with TLS.',
  check: (resource, context) => {
    const pod = podSpecOf(resource);
    if (pod === undefined) return [];
    const sensitive = containersOf(pod.spec, pod.path)
      .map((ref) => ({ ref, image: imageOf(ref) }))
      .find(({ image }) => image !== undefined && SENSITIVE.has(image.name));
    if (sensitive?.image === undefined) return [];
    const exposure = exposuresOf(resource, context)[0];
    if (exposure === undefined) return [];
    return [
      {
        messageId: 'sensitive-exposed',
        data: { image: sensitive.image.image, how: exposure.how },
        path: sensitive.ref.path.concat('image'),
        evidence: sensitive.image.image,
      },
    ];
  },
});
