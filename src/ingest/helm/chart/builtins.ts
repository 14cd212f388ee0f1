/** The built-in objects a chart template sees: `.Files`, `.Capabilities`, `.Chart`, `.Release`. */
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { fromJsValue, GoObject, toGoYaml, type GoMap, type GoValue } from '../template/index.js';
import type { ChartFile, ChartMetadata } from './types.js';

/** A string argument as the function receives it; Helm's methods take strings only. */
function goText(value: GoValue): string {
  return typeof value === 'string' ? value : '';
}

/** `.Files`: the chart's non-template files, with Helm's accessors. */
export class ChartFiles extends GoObject {
  readonly goType = 'engine.files';
  private readonly byName: ReadonlyMap<string, Buffer>;

  constructor(files: readonly ChartFile[] | ReadonlyMap<string, Buffer>) {
    super();
    this.byName =
      files instanceof Map
        ? files
        : new Map((files as readonly ChartFile[]).map((f) => [f.name, f.data]));
  }

  private text(name: string): string {
    return this.byName.get(name)?.toString('utf8') ?? '';
  }

  private asYaml(encode: (data: Buffer) => string): string {
    const out: Record<string, string> = {};
    for (const [name, data] of this.byName) out[posix.basename(name)] = encode(data);
    return Object.keys(out).length === 0 ? '' : toGoYaml(fromJsValue(out)).replace(/\n$/, '');
  }

  field(name: string): GoValue {
    switch (name) {
      case 'Get':
      case 'GetBytes':
        return (path) => this.text(goText(path));
      case 'Glob':
        return (pattern) => {
          const match = picomatch(goText(pattern), { dot: true });
          return new ChartFiles(new Map([...this.byName].filter(([file]) => match(file))));
        };
      case 'Lines':
        return (path) => {
          const text = this.text(goText(path));
          if (text === '') return [];
          return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
        };
      case 'AsConfig':
        return () => this.asYaml((data) => data.toString('utf8'));
      case 'AsSecrets':
        return () => this.asYaml((data) => data.toString('base64'));
      default:
        return undefined;
    }
  }

  /** Ranged like Go's map: paths in sorted order; contents as text (Go gives `[]byte`). */
  override rangeEntries(): [GoValue, GoValue][] {
    return [...this.byName.keys()]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((name): [GoValue, GoValue] => [name, this.text(name)]);
  }

  toGoString(): string {
    return `map[${[...this.byName.keys()].map((k) => `${k}:[…]`).join(' ')}]`;
  }
}

/** `.Capabilities.KubeVersion`. */
class KubeVersion extends GoObject {
  readonly goType = 'chartutil.KubeVersion';
  constructor(private readonly version: string) {
    super();
  }
  field(name: string): GoValue {
    const [major = '', minor = ''] = this.version.replace(/^v/, '').split(/[.+-]/);
    switch (name) {
      case 'Version':
      case 'GitVersion':
        return this.version;
      case 'Major':
        return major;
      case 'Minor':
        return minor;
      case 'String':
        return () => this.version;
      default:
        return undefined;
    }
  }
  toGoString(): string {
    return this.version;
  }
}

/** `.Capabilities.APIVersions`: a set with `Has`. */
class ApiVersions extends GoObject {
  readonly goType = 'chartutil.VersionSet';
  constructor(private readonly versions: ReadonlySet<string>) {
    super();
  }
  field(name: string): GoValue {
    return name === 'Has' ? (version) => this.versions.has(goText(version)) : undefined;
  }
  toGoString(): string {
    return `[${[...this.versions].join(' ')}]`;
  }
}

/** Kubernetes version assumed when none is given (recent Helm releases default to their client-go). */
export const DEFAULT_KUBE_VERSION = 'v1.33.0';

const BUILTIN_GROUP_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  v1: [
    'ConfigMap',
    'Secret',
    'Service',
    'ServiceAccount',
    'Pod',
    'Namespace',
    'PersistentVolumeClaim',
    'Endpoints',
  ],
  'apps/v1': ['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet'],
  'batch/v1': ['Job', 'CronJob'],
  'autoscaling/v1': ['HorizontalPodAutoscaler'],
  'autoscaling/v2': ['HorizontalPodAutoscaler'],
  'policy/v1': ['PodDisruptionBudget'],
  'networking.k8s.io/v1': ['Ingress', 'IngressClass', 'NetworkPolicy'],
  'rbac.authorization.k8s.io/v1': ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'],
  'admissionregistration.k8s.io/v1': [
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
  ],
  'apiextensions.k8s.io/v1': ['CustomResourceDefinition'],
  'apiregistration.k8s.io/v1': ['APIService'],
  'storage.k8s.io/v1': ['StorageClass', 'CSIDriver'],
  'scheduling.k8s.io/v1': ['PriorityClass'],
  'coordination.k8s.io/v1': ['Lease'],
  'discovery.k8s.io/v1': ['EndpointSlice'],
  'certificates.k8s.io/v1': ['CertificateSigningRequest'],
  'node.k8s.io/v1': ['RuntimeClass'],
  'events.k8s.io/v1': ['Event'],
  'flowcontrol.apiserver.k8s.io/v1': ['FlowSchema', 'PriorityLevelConfiguration'],
};

/** Built-in API versions, as `group/version` and `group/version/Kind`. */
export function defaultApiVersions(): string[] {
  return Object.entries(BUILTIN_GROUP_VERSIONS).flatMap(([gv, kinds]) => [
    gv,
    ...kinds.map((kind) => `${gv}/${kind}`),
  ]);
}

/** `.Capabilities` for a Kubernetes version and extra API versions. */
export function capabilities(kubeVersion: string, extraApiVersions: readonly string[]): GoMap {
  const version = kubeVersion.startsWith('v') ? kubeVersion : `v${kubeVersion}`;
  const helm = fromJsValue({
    Version: 'v3.18.0',
    GitCommit: '',
    GitTreeState: '',
    GoVersion: 'go1.24',
  });
  const out = fromJsValue({}) as GoMap;
  out['KubeVersion'] = new KubeVersion(version);
  out['APIVersions'] = new ApiVersions(new Set([...defaultApiVersions(), ...extraApiVersions]));
  out['HelmVersion'] = helm;
  return out;
}

const CHART_FIELDS: Readonly<Record<string, string>> = {
  name: 'Name',
  home: 'Home',
  sources: 'Sources',
  version: 'Version',
  description: 'Description',
  keywords: 'Keywords',
  maintainers: 'Maintainers',
  icon: 'Icon',
  apiVersion: 'APIVersion',
  condition: 'Condition',
  tags: 'Tags',
  appVersion: 'AppVersion',
  deprecated: 'Deprecated',
  annotations: 'Annotations',
  kubeVersion: 'KubeVersion',
  dependencies: 'Dependencies',
  type: 'Type',
};

/** Versions written unquoted in Chart.yaml (`1.10`) still reach templates as strings. */
function scalarText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}

/** `.Chart`: Chart.yaml under Go's field names, plus `IsRoot`. */
export function chartObject(metadata: ChartMetadata, name: string, isRoot: boolean): GoValue {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(CHART_FIELDS)) {
    const value = metadata.raw[key];
    if (value === undefined) continue;
    out[field] = field === 'Version' || field === 'AppVersion' ? scalarText(value) : value;
  }
  if (Array.isArray(out['Maintainers']))
    out['Maintainers'] = out['Maintainers'].map((m: unknown) =>
      m !== null && typeof m === 'object'
        ? {
            Name: (m as Record<string, unknown>)['name'],
            Email: (m as Record<string, unknown>)['email'],
            URL: (m as Record<string, unknown>)['url'],
          }
        : m,
    );
  out['Name'] = name;
  out['IsRoot'] = isRoot;
  return fromJsValue(out);
}
