import type { ClusterReadOptions } from '../cluster/index.js';
import { CubecapeError } from '../core/errors.js';
import type { HelmOptions } from '../ingest/helm/index.js';
import type { CliIO } from './io.js';
import type { Progress } from './progress.js';

/*
 * Options for reading inputs that several commands share (Helm values, registry access, the
 * cluster). They live apart from the commands that render, pull or list, so that `scan` can build
 * them without loading those commands' code.
 */

/** Helm options from parsed flags; `namespace` is the release namespace. */
export function helmOptionsOf(options: {
  values?: string[] | undefined;
  set?: string[] | undefined;
  setString?: string[] | undefined;
  setFile?: string[] | undefined;
  releaseName?: string | undefined;
  releaseNamespace?: string | undefined;
  kubeVersion?: string | undefined;
  apiVersions?: string[] | undefined;
  includeCrds?: boolean | undefined;
}): HelmOptions {
  return {
    valuesFiles: options.values ?? [],
    set: options.set ?? [],
    setString: options.setString ?? [],
    setFile: options.setFile ?? [],
    ...(options.releaseName === undefined ? {} : { releaseName: options.releaseName }),
    ...(options.releaseNamespace === undefined ? {} : { namespace: options.releaseNamespace }),
    ...(options.kubeVersion === undefined ? {} : { kubeVersion: options.kubeVersion }),
    apiVersions: options.apiVersions ?? [],
    includeCrds: options.includeCrds === true,
  };
}

/** Options every image-reading command shares. */
export interface TargetOptions {
  readonly platform?: string;
  readonly insecure?: boolean;
  readonly username?: string;
  readonly password?: string;
}

/** Target options from parsed flags, the password also from $CUBECAPE_REGISTRY_PASSWORD. */
export function targetOptionsFrom(
  options: { platform?: string; insecure?: true; username?: string; password?: string },
  io: CliIO,
): TargetOptions {
  const password = options.password ?? io.env['CUBECAPE_REGISTRY_PASSWORD'];
  return {
    ...(options.platform === undefined ? {} : { platform: options.platform }),
    ...(options.insecure === true ? { insecure: true } : {}),
    ...(options.username === undefined ? {} : { username: options.username }),
    ...(password === undefined ? {} : { password }),
  };
}

/** The cluster flags `scan` and `snapshot` share. */
export interface ClusterFlags {
  readonly cluster?: boolean | undefined;
  readonly kubeconfig?: string | undefined;
  readonly context?: string | undefined;
  readonly includeNamespaces?: string[] | undefined;
  readonly excludeNamespaces?: string[] | undefined;
}

/** Cluster read options from the flags; empty when `--cluster` was not given. */
export function clusterOptionsOf(
  flags: ClusterFlags,
  io: CliIO,
  progress: Progress,
): { cluster?: ClusterReadOptions } {
  if (flags.cluster !== true) {
    const stray = (['kubeconfig', 'context', 'includeNamespaces', 'excludeNamespaces'] as const)
      .filter((key) => flags[key] !== undefined)
      .map((key) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    if (stray.length > 0)
      throw new CubecapeError('USAGE', `${stray.join(', ')} only apply with --cluster`);
    return {};
  }
  return {
    cluster: {
      kubeconfig: flags.kubeconfig,
      context: flags.context,
      env: io.env,
      cwd: io.cwd,
      namespaces: {
        include: flags.includeNamespaces ?? [],
        exclude: flags.excludeNamespaces ?? [],
      },
      onProgress: (done, total, objects) => {
        progress.update(`Listing kinds (${objects} objects)`, done, total);
      },
    },
  };
}
