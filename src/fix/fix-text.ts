import { isDeepStrictEqual } from 'node:util';
import { CubecapeError } from '../core/errors.js';
import type { JsonPath } from '../core/json-path.js';
import type { FixPatch } from '../controls/define.js';
import type { ResourceDraft } from '../ingest/resources.js';
import { parseResourceDrafts } from '../ingest/yaml.js';
import type { KubeObject, Position } from '../model/resource.js';
import { fixDocument, type DocumentJob } from './fix-document.js';
import { splitSource, type SourceLayout } from './source-layout.js';

/** One patch a finding asks for, with what it fixes. */
export interface PatchRequest {
  readonly patch: FixPatch;
  readonly controlId: string;
  readonly resourceId: string;
}

/** The patches for one resource, and the resource as it was scanned (to notice a changed file). */
export interface ResourceFixRequest {
  readonly documentIndex: number;
  /** The resource's position as the scan recorded it (`origin.position`). */
  readonly position: Position;
  readonly object: KubeObject;
  readonly patches: readonly PatchRequest[];
}

/**
 * What became of a patch: `applied` changed the text, `unchanged` found it already in place,
 * `refused` could not be applied safely (`reason` says why and what to do).
 */
export interface PatchOutcome {
  readonly request: PatchRequest;
  readonly status: 'applied' | 'unchanged' | 'refused';
  readonly reason?: string;
}

export interface TextFix {
  /** The fixed text; equal to the input when nothing was applied. */
  readonly text: string;
  readonly outcomes: readonly PatchOutcome[];
}

type ParsedDrafts = ReturnType<typeof parseResourceDrafts>;

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.column === b.column;
}

/** The draft a request is about; a missing or different one means the file changed. */
function draftFor(
  drafts: readonly ResourceDraft[],
  request: ResourceFixRequest,
  file: string,
): number {
  const index = drafts.findIndex(
    (draft) =>
      draft.origin.documentIndex === request.documentIndex &&
      samePosition(draft.origin.position, request.position),
  );
  const draft = drafts[index];
  if (draft === undefined || !isDeepStrictEqual(draft.object, request.object)) {
    throw new CubecapeError(
      'FILE_CHANGED',
      'the file changed after it was scanned; it was not fixed (run the fix again)',
      {
        file,
        line: request.position.line,
      },
    );
  }
  return index;
}

function jobsByDocument(
  drafts: readonly ResourceDraft[],
  requests: readonly ResourceFixRequest[],
  file: string,
): Map<number, DocumentJob[]> {
  const byDocument = new Map<number, DocumentJob[]>();
  for (const request of requests) {
    const draftIndex = draftFor(drafts, request, file);
    const draft = drafts[draftIndex];
    if (draft === undefined) continue;
    const prefix: JsonPath = draft.itemIndex === undefined ? [] : ['items', draft.itemIndex];
    const jobs = byDocument.get(request.documentIndex) ?? [];
    const same = jobs.findIndex((job) => job.draftIndex === draftIndex);
    const earlier = jobs[same];
    if (earlier === undefined) {
      const expected = structuredClone(draft.object) as Record<string, unknown>;
      jobs.push({ draftIndex, prefix, expected, patches: request.patches });
    } else {
      jobs[same] = { ...earlier, patches: [...earlier.patches, ...request.patches] };
    }
    byDocument.set(request.documentIndex, jobs);
  }
  return byDocument;
}

function errorCodes(parsed: ParsedDrafts): string[] {
  return parsed.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code);
}

/**
 * Reads the fixed text back the way a scan does and checks that it holds exactly the intended
 * objects: every resource as before, except for the applied patches. Guards against an edit
 * that is valid YAML but means something else.
 */
function verify(
  before: ParsedDrafts,
  after: string,
  file: string,
  expected: ReadonlyMap<number, unknown>,
): void {
  const fixed = parseResourceDrafts(after, file);
  const same =
    fixed.drafts.length === before.drafts.length &&
    isDeepStrictEqual(errorCodes(fixed), errorCodes(before)) &&
    fixed.drafts.every((draft, index) =>
      isDeepStrictEqual(draft.object, expected.get(index) ?? before.drafts[index]?.object),
    );
  if (!same) {
    throw new CubecapeError(
      'INTERNAL',
      'the edited file did not read back as intended, so it was left unchanged; please report this',
      {
        file,
      },
    );
  }
}

/**
 * Applies fix patches to the text of one file, editing only the nodes that change: comments,
 * key order, quoting, styles and blank lines elsewhere stay byte-identical. Throws
 * FILE_CHANGED when the text no longer holds the scanned resources, INTERNAL when the result
 * would not read back as intended. Pure: the caller reads and writes the file.
 */
export function fixText(
  text: string,
  file: string,
  requests: readonly ResourceFixRequest[],
): TextFix {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const original = parseResourceDrafts(body, file);
  const jobs = jobsByDocument(original.drafts, requests, file);
  const layout: SourceLayout = splitSource(body);
  const outcomes: PatchOutcome[] = [];
  const expected = new Map<number, unknown>();
  for (const [documentIndex, documentJobs] of jobs) {
    const piece = layout.pieces.find((candidate) => candidate.documentIndex === documentIndex);
    if (piece === undefined) {
      for (const job of documentJobs) {
        for (const request of job.patches)
          outcomes.push({ request, status: 'refused', reason: 'document not found' });
      }
      continue;
    }
    const result = fixDocument(piece.text, layout.flavor, documentJobs);
    piece.text = result.text;
    outcomes.push(...result.outcomes);
    for (const job of documentJobs) expected.set(job.draftIndex, job.expected);
  }
  const fixedBody = layout.pieces.map((piece) => piece.text).join('');
  if (fixedBody === body) return { text, outcomes };
  verify(original, fixedBody, file, expected);
  return { text: bom + fixedBody, outcomes };
}
