/** File access for a build: reads relative to a kustomization, within its root, as kustomize does. */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { CubecapeError } from '../../core/errors.js';
import type { Origin } from '../../model/resource.js';

/** A build failure: the kustomization cannot be built as written. */
export function buildError(message: string, file: string | undefined): CubecapeError {
  return new CubecapeError('KUSTOMIZE_BUILD', message, { file });
}

/** Entries that point at the network; we never fetch, so they are refused. */
export function isRemote(entry: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ||
    /^git@/.test(entry) ||
    /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry) ||
    /[?&]ref=/.test(entry) ||
    /\.git(\/\/|$)/.test(entry)
  );
}

/** The file names kustomize looks for, in its order of preference. */
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** The kustomization file in `dir`, or undefined when there is none. */
export async function kustomizationFileIn(dir: string): Promise<string | undefined> {
  for (const name of KUSTOMIZATION_FILES) {
    try {
      if ((await stat(join(dir, name))).isFile()) return join(dir, name);
    } catch {
      // not this name; try the next
    }
  }
  return undefined;
}

/** Reads files for one kustomization; paths must stay inside its directory. */
export interface KustomizeFs {
  readText(dir: string, path: string): Promise<string>;
  readBytes(dir: string, path: string): Promise<Buffer>;
}

export const localFs: KustomizeFs = {
  async readText(dir, path) {
    return (await this.readBytes(dir, path)).toString('utf8');
  },
  async readBytes(dir, path) {
    if (isRemote(path))
      throw buildError(`${path}: remote files need network access; vendor the file locally`, dir);
    const full = resolve(dir, path);
    const rel = relative(resolve(dir), full);
    if (rel.startsWith('..') || isAbsolute(rel))
      throw buildError(`${path} is outside the kustomization root ${dir} (load restriction)`, dir);
    try {
      return await readFile(full);
    } catch (error) {
      throw new CubecapeError('FILE_UNREADABLE', `cannot read ${path}`, {
        file: join(dir, path),
        cause: error,
      });
    }
  },
};

/** An origin for something a kustomization generated: the kustomization file itself. */
export function generatedOrigin(file: string): Origin {
  const position = { line: 1, column: 1 };
  return {
    file,
    documentIndex: 0,
    position,
    sourceMap: { locate: () => ({ position, exact: false }) },
  };
}
