import { groupOf, identityOf, isRecord, type Resource } from '../../src/model/resource.js';

/** Wraps a manifest object as a Resource the way ingest would, without an origin. */
export function makeResource(object: Record<string, unknown>): Resource {
  const metadata = isRecord(object['metadata']) ? object['metadata'] : {};
  const apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : 'v1';
  const kind = typeof object['kind'] === 'string' ? object['kind'] : 'Unknown';
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : 'unnamed';
  const namespace = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : undefined;
  const group = groupOf(apiVersion);
  return {
    id: identityOf(group, kind, namespace, name),
    apiVersion,
    group,
    kind,
    name,
    namespace,
    object,
  };
}

const API_VERSIONS: Readonly<Record<string, string>> = {
  Pod: 'v1',
  PodTemplate: 'v1',
  ReplicationController: 'v1',
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

/** A manifest of `kind` whose pod spec is `podSpec` (placed where that kind keeps it). */
export function workloadOf(
  kind: string,
  podSpec: unknown,
  name = 'app',
  namespace = 'team',
): Record<string, unknown> {
  const metadata = { name, namespace };
  const template = { metadata: { labels: { app: name } }, spec: podSpec };
  const apiVersion = API_VERSIONS[kind] ?? 'v1';
  switch (kind) {
    case 'Pod':
      return { apiVersion, kind, metadata, spec: podSpec };
    case 'PodTemplate':
      return { apiVersion, kind, metadata, template };
    case 'CronJob':
      return {
        apiVersion,
        kind,
        metadata,
        spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } },
      };
    default:
      return {
        apiVersion,
        kind,
        metadata,
        spec: { selector: { matchLabels: { app: name } }, template },
      };
  }
}

/** A Pod manifest with one container named `app` built from `container` and extra spec fields. */
export function podWith(
  container: Record<string, unknown>,
  spec: Record<string, unknown> = {},
): Record<string, unknown> {
  return workloadOf('Pod', {
    containers: [{ name: 'app', image: 'registry.example/app:1.0', ...container }],
    ...spec,
  });
}

/** A Deployment manifest with one container named `app`, like {@link podWith}. */
export function deploymentWith(
  container: Record<string, unknown>,
  spec: Record<string, unknown> = {},
): Record<string, unknown> {
  return workloadOf('Deployment', {
    containers: [{ name: 'app', image: 'registry.example/app:1.0', ...container }],
    ...spec,
  });
}
