import { toDotted } from '../core/json-path.js';
import type { FixPatch } from '../controls/define.js';
import type { EngineFinding } from '../engine/evaluate.js';
import { isRecord, type Origin, type Position, type Resource } from '../model/resource.js';
import type { PatchRequest, ResourceFixRequest } from './fix-text.js';
import { renderFlow } from './render-value.js';

/** A fix that cannot be applied to a file, and what to do instead. */
export interface FixNote {
  readonly controlId: string;
  readonly resourceId: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** The fixes for one source file (`-` is standard input). */
export interface FilePlan {
  readonly file: string;
  readonly requests: readonly ResourceFixRequest[];
}

export interface FixPlan {
  readonly files: readonly FilePlan[];
  /** Fixes that no file edit can make: resources from stdin-less or rendered sources. */
  readonly notes: readonly FixNote[];
  /** Failed findings that carry a fix. */
  readonly fixable: number;
  /** Failed findings without an automatic fix. */
  readonly manual: number;
}

/** `set a.b to false` / `remove a.b`: a patch in words, for messages. */
export function describePatch(patch: FixPatch): string {
  const at = toDotted(patch.path) || 'the object';
  if (patch.op === 'remove') return `remove ${at}`;
  return `set ${at} to ${renderFlow(patch.value, 'yaml') ?? JSON.stringify(patch.value)}`;
}

/**
 * Where a rendered resource's template lives, for sources that render (Helm): such an origin
 * carries `rendered: { template, line? }`. Rendered output is never edited; the user has to
 * change the template or the values it reads.
 */
function renderedFrom(origin: Origin): { template: string; line?: number } | undefined {
  if (!('rendered' in origin) || !isRecord(origin.rendered)) return undefined;
  const { template, line } = origin.rendered;
  if (typeof template !== 'string') return undefined;
  return typeof line === 'number' ? { template, line } : { template };
}

function noteFor(finding: EngineFinding, origin: Origin | undefined): FixNote | undefined {
  const { control, resource } = finding;
  const changes = (finding.fix ?? []).map(describePatch).join(', ');
  const base = { controlId: control.id, resourceId: resource.id };
  if (origin === undefined) {
    return {
      ...base,
      message: `${resource.id} does not come from a file, so it cannot be edited here; ${changes} where it is defined`,
    };
  }
  const rendered = renderedFrom(origin);
  if (rendered === undefined) return undefined;
  const located = finding.path.length === 0 ? undefined : origin.sourceMap.locate(finding.path);
  const where =
    rendered.line === undefined ? rendered.template : `${rendered.template}:${rendered.line}`;
  const position: Position = located?.position ?? origin.position;
  return {
    ...base,
    file: origin.file,
    line: position.line,
    column: position.column,
    message: `rendered from ${where}, which is not edited: ${changes} in that template or in the values it reads`,
  };
}

interface Bucket {
  readonly resource: Resource;
  readonly origin: Origin;
  readonly patches: PatchRequest[];
}

/**
 * Groups the failed findings that carry a fix by the file their resource came from. Findings on
 * resources that no file edit can change (no origin, rendered templates) become notes instead.
 */
export function planFixes(findings: readonly EngineFinding[]): FixPlan {
  const buckets = new Map<string, Map<Resource, Bucket>>();
  const notes: FixNote[] = [];
  let fixable = 0;
  let manual = 0;
  for (const finding of findings) {
    if (finding.status !== 'failed') continue;
    const fix = finding.fix ?? [];
    if (fix.length === 0) {
      manual += 1;
      continue;
    }
    fixable += 1;
    const origin = finding.resource.origin;
    const note = noteFor(finding, origin);
    if (note !== undefined || origin === undefined) {
      if (note !== undefined) notes.push(note);
      continue;
    }
    const file = buckets.get(origin.file) ?? new Map<Resource, Bucket>();
    buckets.set(origin.file, file);
    const bucket = file.get(finding.resource) ?? {
      resource: finding.resource,
      origin,
      patches: [],
    };
    file.set(finding.resource, bucket);
    for (const patch of fix)
      bucket.patches.push({
        patch,
        controlId: finding.control.id,
        resourceId: finding.resource.id,
      });
  }
  const files = [...buckets].map(([file, resources]): FilePlan => ({
    file,
    requests: [...resources.values()].map((bucket) => ({
      documentIndex: bucket.origin.documentIndex,
      position: bucket.origin.position,
      object: bucket.resource.object,
      patches: bucket.patches,
    })),
  }));
  return { files, notes, fixable, manual };
}
