import type { Resource } from '../model/resource.js';
import { assignIds, documentsToDrafts } from './resources.js';
import type { ResourceDraft } from './resources.js';
import type { IngestIssue } from './types.js';
import { parseYamlStream } from './yaml-stream.js';
import type { ParseOptions } from './yaml-stream.js';

/** Resources and problems found in one text. */
export interface ParsedResources {
  readonly resources: Resource[];
  readonly issues: IngestIssue[];
}

/** Like {@link parseYamlDocuments}, but leaves ids to be assigned over a whole scan. */
export function parseResourceDrafts(
  text: string,
  file: string,
  options: ParseOptions = {},
): { drafts: ResourceDraft[]; issues: IngestIssue[] } {
  const stream = parseYamlStream(text, file, options);
  const { drafts, issues } = documentsToDrafts(stream.documents, file);
  return { drafts, issues: [...stream.issues, ...issues].sort(byLine) };
}

function byLine(a: IngestIssue, b: IngestIssue): number {
  return (a.line ?? 0) - (b.line ?? 0);
}

/**
 * Reads Kubernetes resources from a YAML stream or JSON text without touching the filesystem:
 * for files, stdin, rendered Helm output and benchmarks alike. `file` is recorded in origins and
 * issues as given. Never throws on bad input; problems come back as issues.
 */
export function parseYamlDocuments(
  text: string,
  file: string,
  options: ParseOptions = {},
): ParsedResources {
  const { drafts, issues } = parseResourceDrafts(text, file, options);
  return { resources: assignIds(drafts), issues };
}
