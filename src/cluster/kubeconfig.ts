import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { CubecapeError, describeError } from '../core/errors.js';
import { kubernetesClient } from '../core/lazy-require.js';

/** Where to find the cluster: flags first, then KUBECONFIG, ~/.kube/config, in-cluster. */
export interface KubeConfigOptions {
  /** `--kubeconfig FILE`. */
  readonly kubeconfig?: string | undefined;
  /** `--context NAME`; default: the kubeconfig's current-context. */
  readonly context?: string | undefined;
  /** Environment to read KUBECONFIG and HOME from (the CLI's, not necessarily process.env). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory relative kubeconfig paths are resolved against. */
  readonly cwd: string;
}

/** A loaded kubeconfig with the context that will be used. */
export interface LoadedKubeConfig {
  readonly config: KubeConfig;
  /** The context's name, or `in-cluster`; shown in sources as `cluster:<context>`. */
  readonly context: string;
  /** The API server URL. */
  readonly server: string;
  /** What was loaded, for messages: a file path or `in-cluster service account`. */
  readonly from: string;
}

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

function loadFile(config: KubeConfig, file: string): void {
  if (!existsSync(file)) {
    throw new CubecapeError('CLUSTER_CONFIG', `kubeconfig ${file} does not exist`, { file });
  }
  try {
    config.loadFromFile(file);
  } catch (error) {
    throw new CubecapeError(
      'CLUSTER_CONFIG',
      `kubeconfig ${file} could not be read: ${describeError(error)}; expected a kubeconfig YAML (kind: Config)`,
      { file, cause: error },
    );
  }
}

function loadFiles(config: KubeConfig, files: readonly string[], create: () => KubeConfig): void {
  const [first, ...rest] = files;
  if (first === undefined) return;
  loadFile(config, first);
  // As kubectl does: the first file that sets a value wins, later files add what is missing.
  for (const file of rest) {
    if (!existsSync(file)) continue;
    const more = create();
    loadFile(more, file);
    config.mergeConfig(more, true);
  }
}

/**
 * Loads the kubeconfig a user means, the way kubectl finds it; throws CLUSTER_CONFIG. The
 * Kubernetes client is loaded here, not at start-up: loading it costs every command (even
 * `--version` and snapshot scans) several hundred milliseconds and some 40 MB.
 */
export function loadKubeConfig(options: KubeConfigOptions): LoadedKubeConfig {
  const { KubeConfig } = kubernetesClient();
  const config = new KubeConfig();
  let from: string;
  const envFiles = (options.env['KUBECONFIG'] ?? '').split(delimiter).filter((f) => f !== '');
  const home = options.env['HOME'] ?? options.env['USERPROFILE'];
  const homeConfig = home === undefined ? undefined : join(home, '.kube', 'config');
  if (options.kubeconfig !== undefined) {
    from = resolve(options.cwd, options.kubeconfig);
    loadFile(config, from);
  } else if (envFiles.length > 0) {
    const files = envFiles.map((file) => resolve(options.cwd, file));
    from = files.join(delimiter);
    loadFiles(config, files, () => new KubeConfig());
  } else if (homeConfig !== undefined && existsSync(homeConfig)) {
    from = homeConfig;
    loadFile(config, from);
  } else if (existsSync(SERVICE_ACCOUNT_TOKEN)) {
    from = 'in-cluster service account';
    config.loadFromCluster();
  } else {
    throw new CubecapeError(
      'CLUSTER_CONFIG',
      'no kubeconfig found: give --kubeconfig FILE, set KUBECONFIG, create ~/.kube/config, or run in a pod with a service account',
    );
  }
  if (options.context !== undefined) {
    if (config.getContextObject(options.context) === null) {
      const known = config.getContexts().map((c) => c.name);
      throw new CubecapeError(
        'CLUSTER_CONFIG',
        `context "${options.context}" is not in ${from}; expected one of: ${known.join(', ') || '(none)'}`,
      );
    }
    config.setCurrentContext(options.context);
  }
  const cluster = config.getCurrentCluster();
  if (cluster === null || cluster.server === '') {
    throw new CubecapeError(
      'CLUSTER_CONFIG',
      `${from} has no cluster for context "${config.getCurrentContext()}"; set current-context or give --context`,
    );
  }
  const context = from === 'in-cluster service account' ? 'in-cluster' : config.getCurrentContext();
  return { config, context, server: cluster.server.replace(/\/+$/, ''), from };
}
