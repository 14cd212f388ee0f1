import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ReportInput } from '../report/scan-report.js';
import { mapWithLimit } from './concurrency.js';
import {
  compileIgnorePattern,
  IGNORE_FILE_NAME,
  isIgnored,
  isPathOrAncestorIgnored,
  parseIgnoreFile,
} from './ignore-rules.js';
import type { IgnoreRule } from './ignore-rules.js';
import type { IngestIssue } from './types.js';
import { picomatch, tinyglobby } from '../core/lazy-require.js';

/** A file to read: `file` for regular files, `stream` for named pipes and devices, `stdin` for `-`. */
export interface DiscoveredFile {
  readonly kind: 'file' | 'stream' | 'stdin';
  /** The path as it will be shown: the argument, or the argument joined with the walked path. */
  readonly path: string;
}

/** A directory found inside a walked tree that is rendered rather than read file by file. */
export interface DiscoveredProject {
  readonly kind: 'helm' | 'kustomize';
  readonly path: string;
}

export interface Discovery {
  readonly files: DiscoveredFile[];
  /** Chart and kustomization directories met while walking: their files are not in `files`. */
  readonly projects: DiscoveredProject[];
  readonly inputs: ReportInput[];
  readonly issues: IngestIssue[];
}

/** Extensions read inside directories; files named explicitly are read whatever their name. */
const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
/** Directories never worth walking into. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const DIRECTORY_CONCURRENCY = 16;

function hasManifestExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return MANIFEST_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

interface WalkState {
  readonly issues: IngestIssue[];
  readonly exclude: readonly IgnoreRule[];
  /** Real paths of directories already walked: symlink loops end here. */
  readonly visited: Set<string>;
  readonly found: Found[];
  /** Set when chart and kustomization directories are to be reported rather than walked. */
  readonly projects: DiscoveredProject[] | undefined;
}

/** Files that make a directory a kustomization, in kustomize's order of preference. */
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * What renders a directory: `helm` when it holds Chart.yaml, `kustomize` when it holds a
 * kustomization file. Its templates are not Kubernetes YAML, so reading them would only give
 * parse errors.
 */
function projectKind(entries: readonly Dirent[]): DiscoveredProject['kind'] | undefined {
  const files = new Set(entries.filter((e) => !e.isDirectory()).map((e) => e.name));
  if (files.has('Chart.yaml')) return 'helm';
  if (KUSTOMIZATION_FILES.some((name) => files.has(name))) return 'kustomize';
  return undefined;
}

interface Found {
  readonly path: string;
  readonly real: string;
  readonly kind: 'file' | 'stream';
}

interface PendingDirectory {
  readonly path: string;
  readonly relative: string;
  readonly real: string;
  /** Rules from `.cubecapeignore` files of this directory's ancestors, outermost first. */
  readonly ignoreFileRules: readonly IgnoreRule[];
}

function issue(
  code: IngestIssue['code'],
  file: string,
  message: string,
  severity: IngestIssue['severity'] = 'error',
): IngestIssue {
  return { code, severity, file, message };
}

async function readIgnoreRules(
  directory: PendingDirectory,
  entries: readonly Dirent[],
  state: WalkState,
): Promise<IgnoreRule[]> {
  if (!entries.some((entry) => entry.name === IGNORE_FILE_NAME && !entry.isDirectory())) return [];
  const path = join(directory.path, IGNORE_FILE_NAME);
  try {
    return parseIgnoreFile(await readFile(path, 'utf8'), directory.relative);
  } catch (error) {
    state.issues.push(
      issue(
        'FILE_UNREADABLE',
        path,
        `cannot read ignore file: ${errorCode(error) ?? String(error)}`,
      ),
    );
    return [];
  }
}

/** What a symlink inside a walked directory points at, or an issue. */
async function followLink(
  path: string,
  name: string,
  state: WalkState,
): Promise<{ real: string; directory: boolean; file: boolean } | undefined> {
  try {
    const target = await stat(path);
    return { real: await realpath(path), directory: target.isDirectory(), file: target.isFile() };
  } catch (error) {
    const code = errorCode(error);
    // A dangling link named like a manifest is a manifest we failed to read; others are noise.
    const severity = hasManifestExtension(name) ? 'error' : 'warning';
    const reason =
      code === 'ELOOP' ? 'a symbolic link loop' : 'a symbolic link whose target does not exist';
    state.issues.push(
      issue('BROKEN_SYMLINK', path, `${reason} (${code ?? 'unknown error'})`, severity),
    );
    return undefined;
  }
}

/** Handles one directory entry; returns a directory to walk next, if any. */
async function visitEntry(
  entry: Dirent,
  directory: PendingDirectory,
  ignoreFileRules: readonly IgnoreRule[],
  state: WalkState,
): Promise<PendingDirectory | undefined> {
  // CLI excludes come last so that no ignore file can re-include what the user excluded.
  const rules =
    state.exclude.length === 0 ? ignoreFileRules : [...ignoreFileRules, ...state.exclude];
  const path = join(directory.path, entry.name);
  const relativePath =
    directory.relative === '' ? entry.name : `${directory.relative}/${entry.name}`;
  let real = `${directory.real}/${entry.name}`;
  let isDirectory = entry.isDirectory();
  let isFile = entry.isFile();
  if (entry.isSymbolicLink()) {
    const target = await followLink(path, entry.name, state);
    if (target === undefined) return undefined;
    ({ real, directory: isDirectory, file: isFile } = target);
  }
  if (isDirectory) {
    if (SKIPPED_DIRECTORIES.has(entry.name) || isIgnored(rules, relativePath, true, toPosix(path)))
      return undefined;
    return { path, relative: relativePath, real, ignoreFileRules };
  }
  if (!hasManifestExtension(entry.name) || isIgnored(rules, relativePath, false, toPosix(path)))
    return undefined;
  if (isFile) state.found.push({ path, real, kind: 'file' });
  else
    state.issues.push(
      issue('FILE_UNREADABLE', path, 'not a regular file (a pipe, socket or device); not read'),
    );
  return undefined;
}

async function walkDirectory(
  directory: PendingDirectory,
  state: WalkState,
): Promise<PendingDirectory[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(directory.path, { withFileTypes: true });
  } catch (error) {
    state.issues.push(
      issue(
        'FILE_UNREADABLE',
        directory.path,
        `cannot list directory: ${errorCode(error) ?? String(error)}`,
      ),
    );
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const kind = state.projects === undefined ? undefined : projectKind(entries);
  if (kind !== undefined && state.projects !== undefined) {
    // Rendered as a whole, and not walked further: a chart's `charts/` holds its subcharts, a
    // kustomization's subdirectories are its own bases and patches.
    state.projects.push({ kind, path: directory.path });
    return [];
  }
  const own = await readIgnoreRules(directory, entries, state);
  const ignoreFileRules =
    own.length === 0 ? directory.ignoreFileRules : [...directory.ignoreFileRules, ...own];
  const next: PendingDirectory[] = [];
  for (const entry of entries) {
    const child = await visitEntry(entry, directory, ignoreFileRules, state);
    // Checked in sorted order, so which of two paths to one directory wins is deterministic.
    if (child !== undefined && !state.visited.has(child.real)) {
      state.visited.add(child.real);
      next.push(child);
    }
  }
  return next;
}

/** Walks a directory tree breadth-first, a bounded number of directories at a time. */
async function discoverDirectory(root: string, realRoot: string, state: WalkState): Promise<void> {
  if (state.visited.has(realRoot)) return;
  state.visited.add(realRoot);
  let level: PendingDirectory[] = [
    { path: root, relative: '', real: realRoot, ignoreFileRules: [] },
  ];
  while (level.length > 0) {
    const children = await mapWithLimit(level, DIRECTORY_CONCURRENCY, (directory) =>
      walkDirectory(directory, state),
    );
    level = children.flat();
  }
}

async function discoverGlob(pattern: string, state: WalkState): Promise<Found[]> {
  const base = picomatch().scan(pattern).base;
  const matches = await tinyglobby().glob(pattern, {
    absolute: true,
    onlyFiles: true,
    followSymbolicLinks: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
    expandDirectories: false,
  });
  const root = resolve(base === '' ? '.' : base);
  const found: Found[] = [];
  for (const match of matches) {
    const shown = isAbsolute(pattern) ? match : relative(process.cwd(), match);
    const fromRoot = toPosix(relative(root, match));
    if (fromRoot.split('/').some((part) => SKIPPED_DIRECTORIES.has(part))) continue;
    if (isPathOrAncestorIgnored(state.exclude, fromRoot, toPosix(shown))) continue;
    found.push({ path: shown, real: await realpath(match).catch(() => match), kind: 'file' });
  }
  return found;
}

export interface DiscoverOptions {
  readonly exclude?: readonly string[] | undefined;
  /**
   * Report chart and kustomization directories inside walked trees as `projects` instead of
   * reading their files (scans render them). Off for callers that read policy files.
   */
  readonly renderProjects?: boolean;
}

/**
 * Expands path arguments into the files to read: files as named, directories recursively
 * (manifest extensions only, honouring `.cubecapeignore`, `--exclude`, skipping node_modules
 * and .git), glob patterns when the argument does not exist as a path, and `-` for stdin.
 * Output is deterministic: arguments in order, each argument's files sorted, duplicates dropped.
 */
export async function discoverFiles(
  paths: readonly string[],
  options: DiscoverOptions = {},
): Promise<Discovery> {
  const exclude = (options.exclude ?? []).flatMap(
    (pattern) => compileIgnorePattern(pattern, '', true) ?? [],
  );
  const issues: IngestIssue[] = [];
  const inputs: ReportInput[] = [];
  const files: DiscoveredFile[] = [];
  const projects: DiscoveredProject[] = [];
  const seen = new Set<string>();
  const visited = new Set<string>();
  for (const path of paths) {
    if (path === '-') {
      inputs.push({ type: 'stdin', target: '-' });
      if (!seen.has('-')) files.push({ kind: 'stdin', path: '-' });
      seen.add('-');
      continue;
    }
    inputs.push({ type: 'file', target: path });
    const state: WalkState = {
      issues,
      exclude,
      visited,
      found: [],
      projects: options.renderProjects === true ? [] : undefined,
    };
    const single = await discoverArgument(path, state);
    const found =
      single === undefined
        ? state.found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
        : [single];
    for (const file of found) {
      if (seen.has(file.real)) continue;
      seen.add(file.real);
      files.push({ kind: file.kind, path: file.path });
    }
    const met = state.projects ?? [];
    projects.push(...met.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  }
  return { files, projects, inputs, issues };
}

/** Resolves one argument: returns the file when it names one, else fills `state.found`. */
async function discoverArgument(path: string, state: WalkState): Promise<Found | undefined> {
  let target;
  try {
    target = await stat(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      if (await isDanglingLink(path)) {
        state.issues.push(
          issue('BROKEN_SYMLINK', path, 'a symbolic link whose target does not exist'),
        );
      } else if (picomatch().scan(path).isGlob) {
        const matches = await discoverGlob(path, state);
        if (matches.length === 0)
          state.issues.push(issue('PATH_NOT_FOUND', path, 'no files match this pattern'));
        state.found.push(...matches);
      } else {
        state.issues.push(issue('PATH_NOT_FOUND', path, 'no such file or directory'));
      }
    } else if (code === 'ELOOP') {
      state.issues.push(issue('BROKEN_SYMLINK', path, 'a symbolic link loop (ELOOP)'));
    } else {
      state.issues.push(issue('FILE_UNREADABLE', path, `cannot access: ${code ?? String(error)}`));
    }
    return undefined;
  }
  // A path can vanish between stat and realpath; its absolute form still identifies it.
  const real = await realpath(path).catch(() => resolve(path));
  if (target.isDirectory()) {
    await discoverDirectory(path, real, state);
    return undefined;
  }
  if (target.isFile()) return { path, real, kind: 'file' };
  if (target.isFIFO() || target.isCharacterDevice()) return { path, real, kind: 'stream' };
  state.issues.push(
    issue('FILE_UNREADABLE', path, 'not a regular file, directory or pipe; not read'),
  );
  return undefined;
}

async function isDanglingLink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
}
