import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { kustomizationFileIn } from './kustomize/fs.js';

/*
 * Whether a path names a Helm chart or a kustomization, kept apart from the renderers so that a
 * scan of plain manifests never loads them: a scan asks this of every path it is given.
 */

/** Whether `path` is a chart: a directory with Chart.yaml, or a `.tgz` file. */
export async function isChartPath(path: string): Promise<boolean> {
  try {
    const info = await stat(path);
    if (info.isFile()) return /\.(tgz|tar\.gz)$/i.test(path);
    return info.isDirectory() && (await stat(join(path, 'Chart.yaml'))).isFile();
  } catch {
    return false;
  }
}

/** Whether `path` is a directory holding a kustomization file. */
export async function isKustomizationPath(path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isDirectory()) return false;
  } catch {
    return false;
  }
  return (await kustomizationFileIn(path)) !== undefined;
}
