import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where a report file is, as CI systems want it: relative to the directory the scan ran from,
 * with `/` separators. Pipelines (GitHub code scanning, GitLab, JUnit viewers) resolve paths
 * against the repository checkout, which is where the scan normally runs.
 */
export interface ArtifactPath {
  /** Relative, `/`-separated path when the file is under `cwd` (or was given relative). */
  readonly relative?: string;
  /** Absolute path of a file outside `cwd`. */
  readonly absolute?: string;
}

/** The path of `file` for a CI report; undefined for standard input (`-`) and empty names. */
export function artifactPath(file: string, cwd: string | undefined): ArtifactPath | undefined {
  if (file === '-' || file === '') return undefined;
  if (!isAbsolute(file)) return { relative: toSlashes(file).replace(/^(\.\/)+/, '') };
  if (cwd !== undefined && file.startsWith(cwd.endsWith(sep) ? cwd : cwd + sep)) {
    return { relative: toSlashes(relative(cwd, file)) };
  }
  return { absolute: file };
}

/** The path as plain text: relative when possible, else absolute; undefined for stdin. */
export function artifactText(file: string, cwd: string | undefined): string | undefined {
  const path = artifactPath(file, cwd);
  return path?.relative ?? path?.absolute;
}

function toSlashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A `file:` URI of an absolute path; with `directory`, ending in `/` as a base URI must. */
export function fileUri(path: string, directory = false): string {
  const href = pathToFileURL(path).href;
  return directory && !href.endsWith('/') ? `${href}/` : href;
}
