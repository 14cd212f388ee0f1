import { mapWithLimit } from './concurrency.js';
import type { HelmOptions } from './helm/index.js';
import { discoverFiles } from './discover.js';
import { isChartPath, isKustomizationPath } from './project-paths.js';
import type { DiscoveredFile } from './discover.js';
import { readRegularFile, readStdinText, readStream } from './read-input.js';
import type { ReadOutcome } from './read-input.js';
import { assignIds } from './resources.js';
import type { ResourceDraft } from './resources.js';
import { DEFAULT_MAX_FILE_BYTES } from './types.js';
import type { IngestIssue, IngestOptions, IngestResult } from './types.js';
import { parseResourceDrafts } from './yaml.js';

/** Files read at once: enough to keep the I/O pool busy, few enough to bound open descriptors. */
const READ_CONCURRENCY = 32;

function readOne(
  file: DiscoveredFile,
  maxBytes: number,
  options: IngestOptions,
): Promise<ReadOutcome> {
  switch (file.kind) {
    case 'stdin':
      return readStdinText(options.readStdin, maxBytes);
    case 'stream':
      return readStream(file.path, maxBytes);
    case 'file':
      return readRegularFile(file.path, maxBytes);
  }
}

interface FileOutcome {
  readonly bytes: number;
  readonly drafts: readonly ResourceDraft[];
  readonly issues: readonly IngestIssue[];
}

function maxBytesOf(options: IngestOptions): number {
  const limit = options.maxFileBytes;
  return limit !== undefined && Number.isFinite(limit) && limit >= 0
    ? limit
    : DEFAULT_MAX_FILE_BYTES;
}

/**
 * Reads Kubernetes resources from paths as a user gives them on the command line: files,
 * directories (recursively), glob patterns and `-` for stdin. Never throws for bad input:
 * unreadable, oversized, binary or malformed inputs come back as issues, and everything else
 * is still read. Resources keep input order (arguments in order, files sorted, documents in
 * file order), which makes their ids deterministic.
 */
export async function ingestPaths(
  allPaths: readonly string[],
  options: IngestOptions & { readonly helm?: HelmOptions },
): Promise<IngestResult> {
  const maxBytes = maxBytesOf(options);
  // A chart directory or archive named explicitly is rendered, not read as YAML files.
  const isChart = await Promise.all(
    allPaths.map((path) => (path === '-' ? Promise.resolve(false) : isChartPath(path))),
  );
  // So is a kustomization directory: it is built, as `kustomize build` would.
  const isKustomization = await Promise.all(
    allPaths.map((path, index) =>
      path === '-' || isChart[index] === true ? Promise.resolve(false) : isKustomizationPath(path),
    ),
  );
  const paths = allPaths.filter(
    (_, index) => isChart[index] !== true && isKustomization[index] !== true,
  );
  const discovery = await discoverFiles(paths, { exclude: options.exclude, renderProjects: true });
  // Charts and kustomizations met inside walked directories are rendered too, after those named.
  const charts = [
    ...allPaths.filter((_, index) => isChart[index] === true),
    ...discovery.projects.filter((p) => p.kind === 'helm').map((p) => p.path),
  ];
  const kustomizations = [
    ...allPaths.filter((_, index) => isKustomization[index] === true),
    ...discovery.projects.filter((p) => p.kind === 'kustomize').map((p) => p.path),
  ];
  const total = discovery.files.length;
  let done = 0;
  const outcomes = await mapWithLimit(
    discovery.files,
    READ_CONCURRENCY,
    async (file): Promise<FileOutcome> => {
      const read = await readOne(file, maxBytes, options);
      done += 1;
      if (!read.ok) {
        options.onProgress?.(done, total);
        return { bytes: -1, drafts: [], issues: [read.issue] };
      }
      const parsed = parseResourceDrafts(read.text, file.path);
      options.onProgress?.(done, total);
      return { bytes: read.bytes, drafts: parsed.drafts, issues: parsed.issues };
    },
  );
  const issues = [...discovery.issues];
  const drafts: ResourceDraft[] = [];
  let filesRead = 0;
  let bytesRead = 0;
  for (const outcome of outcomes) {
    if (outcome.bytes >= 0) {
      filesRead += 1;
      bytesRead += outcome.bytes;
    }
    issues.push(...outcome.issues);
    for (const draft of outcome.drafts) drafts.push(draft);
  }
  const inputs = [...discovery.inputs];
  // The renderers load only when there is something to render: most scans are plain manifests.
  if (charts.length > 0) {
    const { readChartResources } = await import('./helm/index.js');
    for (const chart of charts) {
      const rendered = await readChartResources(chart, options.helm);
      inputs.push({ type: 'helm', target: chart });
      issues.push(...rendered.issues);
      drafts.push(...rendered.drafts);
      if (rendered.drafts.length > 0 || rendered.issues.length === 0) filesRead += 1;
    }
  }
  if (kustomizations.length > 0) {
    const { readKustomizationResources } = await import('./kustomize/index.js');
    for (const dir of kustomizations) {
      const built = await readKustomizationResources(dir);
      inputs.push({ type: 'kustomize', target: dir });
      issues.push(...built.issues);
      drafts.push(...built.drafts);
      if (built.issues.length === 0) filesRead += 1;
    }
  }
  return { resources: assignIds(drafts), issues, inputs, filesRead, bytesRead };
}
