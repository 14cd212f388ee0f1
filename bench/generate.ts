/**
 * Generates realistic mixed manifests for benchmarks: multi-container workloads (some hardened,
 * some not), Services, RBAC, ConfigMaps and NetworkPolicies, as multi-document YAML files.
 * Deterministic for a given count, so runs are comparable.
 */

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'] as const;

function container(name: string, hardened: boolean, random: () => number): string {
  const tag = hardened
    ? `1.${Math.floor(random() * 30)}.${Math.floor(random() * 9)}`
    : random() < 0.5
      ? 'latest'
      : '';
  const image = `registry.example.com/team/${name}${tag === '' ? '' : `:${tag}`}`;
  const security = hardened
    ? `          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 500m, memory: 256Mi}`
    : `          securityContext:
            privileged: ${random() < 0.3 ? 'true' : 'false'}
            capabilities:
              add: ["NET_ADMIN"]`;
  const secret = hardened
    ? ''
    : `\n            - name: DB_PASSWORD\n              value: "hunter2-${Math.floor(random() * 1e6)}"`;
  return `        - name: ${name}
          image: ${image}
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: LOG_LEVEL
              value: info
            - name: FEATURE_FLAGS
              value: "search,checkout,recommendations"${secret}
${security}
          livenessProbe:
            httpGet: {path: /healthz, port: http}
            periodSeconds: 10`;
}

function podSpec(name: string, indent: string, random: () => number): string {
  const hardened = random() < 0.6;
  const containers = [
    container(`${name}-main`, hardened, random),
    container(`${name}-sidecar`, hardened || random() < 0.5, random),
  ];
  if (random() < 0.3) containers.push(container(`${name}-metrics`, true, random));
  const hostNetwork = hardened ? '' : `\n      hostNetwork: ${random() < 0.2 ? 'true' : 'false'}`;
  const volumes = hardened
    ? '      volumes:\n        - name: tmp\n          emptyDir: {}'
    : '      volumes:\n        - name: logs\n          hostPath: {path: /var/log}';
  const body = `      serviceAccountName: ${name}${hostNetwork}
      containers:
${containers.join('\n')}
${volumes}`;
  return body
    .split('\n')
    .map((line) => indent + line)
    .join('\n');
}

function workload(
  kind: (typeof WORKLOAD_KINDS)[number],
  name: string,
  namespace: string,
  random: () => number,
): string {
  const meta = `metadata:\n  name: ${name}\n  namespace: ${namespace}\n  labels:\n    app: ${name}\n    team: payments`;
  const template = (indent: string): string =>
    `${indent}template:\n${indent}  metadata:\n${indent}    labels:\n${indent}      app: ${name}\n${indent}  spec:\n${podSpec(name, indent, random)}`;
  switch (kind) {
    case 'CronJob':
      return `apiVersion: batch/v1\nkind: CronJob\n${meta}\nspec:\n  schedule: "*/15 * * * *"\n  jobTemplate:\n    spec:\n${template('      ')}`;
    case 'Job':
      return `apiVersion: batch/v1\nkind: Job\n${meta}\nspec:\n  backoffLimit: 3\n${template('  ')}`;
    default:
      return `apiVersion: apps/v1\nkind: ${kind}\n${meta}\nspec:\n  selector:\n    matchLabels:\n      app: ${name}\n${template('  ')}`;
  }
}

function service(name: string, namespace: string): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  selector:\n    app: ${name}\n  ports:\n    - name: http\n      port: 80\n      targetPort: http`;
}

function configMap(name: string, namespace: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-config\n  namespace: ${namespace}\ndata:\n  application.yaml: |\n    server:\n      port: 8080\n    cache:\n      ttl: 300s\n  LOG_FORMAT: json`;
}

function networkPolicy(name: string, namespace: string): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  podSelector:\n    matchLabels:\n      app: ${name}\n  policyTypes: [Ingress, Egress]\n  ingress:\n    - from:\n        - podSelector: {matchLabels: {app: gateway}}\n      ports:\n        - {protocol: TCP, port: 8080}`;
}

function rbac(name: string, namespace: string): string[] {
  return [
    `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: ${namespace}`,
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nrules:\n  - apiGroups: [""]\n    resources: [configmaps, secrets]\n    verbs: [get, list, watch]`,
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nsubjects:\n  - kind: ServiceAccount\n    name: ${name}\n    namespace: ${namespace}\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: ${name}`,
  ];
}

/** One application = 7 resources: a workload, Service, ConfigMap, NetworkPolicy, SA, Role, RoleBinding. */
export function generateDocuments(count: number, seed = 42): string[] {
  const random = mulberry32(seed);
  const documents: string[] = [];
  for (let app = 0; documents.length < count; app++) {
    const namespace = `team-${app % 25}`;
    const name = `svc-${app}`;
    const kind = WORKLOAD_KINDS[app % WORKLOAD_KINDS.length] ?? 'Deployment';
    documents.push(
      workload(kind, name, namespace, random),
      service(name, namespace),
      configMap(name, namespace),
      networkPolicy(name, namespace),
      ...rbac(name, namespace),
    );
  }
  return documents.slice(0, count);
}

/** Groups documents into multi-document files of `perFile` documents. */
export function toFiles(documents: readonly string[], perFile = 50): string[] {
  const files: string[] = [];
  for (let i = 0; i < documents.length; i += perFile)
    files.push(`${documents.slice(i, i + perFile).join('\n---\n')}\n`);
  return files;
}
