import { isDeepStrictEqual } from 'node:util';
import type { Document } from 'yaml';
import { getAt, toDotted, type JsonPath } from '../core/json-path.js';
import { yaml } from '../core/lazy-require.js';
import { applyPatchToValue, comparePathsDescending } from './apply-patch.js';
import type { PatchOutcome, PatchRequest } from './fix-text.js';
import type { Flavor } from './render-value.js';
import { applyEdits, type TextEdit } from './text-lines.js';
import {
  blockUnit,
  removeFound,
  setFound,
  setMissing,
  type EditContext,
  type EditPlan,
} from './yaml-edits.js';
import { aliasedAnchors, locate } from './yaml-locate.js';

/** The patches for one resource of a document. */
export interface DocumentJob {
  /** Index of the resource among the file's resources, for verification. */
  readonly draftIndex: number;
  /** Where the resource sits in the document: `[]`, or `['items', i]` for a List item. */
  readonly prefix: JsonPath;
  /** The resource's object, patched as edits succeed: what the fixed text must read back as. */
  readonly expected: Record<string, unknown>;
  readonly patches: readonly PatchRequest[];
}

interface Task {
  readonly job: DocumentJob;
  readonly request: PatchRequest;
  readonly path: JsonPath;
}

function parseOne(text: string): Document.Parsed | string {
  const docs = yaml().parseAllDocuments(text, { version: '1.1' });
  if (!Array.isArray(docs) || docs.length !== 1)
    return 'the document could not be read as one YAML document';
  const [doc] = docs;
  if (doc === undefined) return 'empty document';
  const error = doc.errors[0];
  return error === undefined
    ? doc
    : `the document does not parse (${error.message.split('\n')[0] ?? ''})`;
}

/** Whether the resource already holds what the patch asks for. */
function satisfied(task: Task): boolean {
  const current = getAt(task.job.expected, task.request.patch.path);
  return task.request.patch.op === 'set'
    ? isDeepStrictEqual(current, task.request.patch.value)
    : current === undefined;
}

function planFor(ctx: EditContext, task: Task, anchors: ReadonlySet<string>): EditPlan {
  const { patch } = task.request;
  const setting = patch.op === 'set';
  const location = locate(ctx.doc, task.path, { setting, anchors });
  if (location.kind === 'refused') return { refused: location.reason };
  if (!setting)
    return location.kind === 'found' ? removeFound(ctx, location.steps) : { edits: [], claims: [] };
  return location.kind === 'found'
    ? setFound(ctx, location.steps, location.node, patch.value)
    : setMissing(ctx, location, patch.value);
}

function touches(edit: TextEdit, others: readonly TextEdit[]): boolean {
  return others.some((other) => edit.start <= other.end && other.start <= edit.end);
}

interface Round {
  readonly text: string;
  readonly deferred: Task[];
}

/**
 * Plans every pending task against one parse. A task whose edit would restructure a node
 * another task already claimed this round (or touch its text) waits for the next round, which
 * starts from the edited text.
 */
function runRound(
  text: string,
  flavor: Flavor,
  pending: readonly Task[],
  outcomes: PatchOutcome[],
): Round {
  const doc = parseOne(text);
  if (typeof doc === 'string') {
    for (const task of pending)
      outcomes.push({ request: task.request, status: 'refused', reason: doc });
    return { text, deferred: [] };
  }
  const ctx: EditContext = { text, doc, flavor, unit: blockUnit(doc, text) };
  const anchors = aliasedAnchors(doc);
  const claimed = new Set<object>();
  const edits: TextEdit[] = [];
  const deferred: Task[] = [];
  for (const task of pending) {
    if (satisfied(task)) {
      outcomes.push({ request: task.request, status: 'unchanged' });
      continue;
    }
    const plan = planFor(ctx, task, anchors);
    if ('refused' in plan) {
      const at = toDotted(task.request.patch.path);
      outcomes.push({ request: task.request, status: 'refused', reason: `${at}: ${plan.refused}` });
      continue;
    }
    if (
      plan.claims.some((node) => claimed.has(node)) ||
      plan.edits.some((edit) => touches(edit, edits))
    ) {
      deferred.push(task);
      continue;
    }
    for (const node of plan.claims) claimed.add(node);
    edits.push(...plan.edits);
    applyPatchToValue(task.job.expected, task.request.patch);
    outcomes.push({ request: task.request, status: 'applied' });
  }
  return { text: applyEdits(text, edits), deferred };
}

/** Patches identical to an earlier one of the same resource are answered by that one. */
function dedupe(tasks: readonly Task[]): { unique: Task[]; duplicates: Map<Task, Task> } {
  const seen = new Map<string, Task>();
  const unique: Task[] = [];
  const duplicates = new Map<Task, Task>();
  for (const task of tasks) {
    const { op, path, value } = task.request.patch;
    const key = `${task.job.draftIndex}\u0000${JSON.stringify([op, path, value ?? null])}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, task);
      unique.push(task);
    } else {
      duplicates.set(task, first);
    }
  }
  return { unique, duplicates };
}

/**
 * Applies the jobs' patches to one document's text. Sets go first; removals follow, later list
 * entries first, so the indexes the findings carry stay valid while entries disappear.
 */
export function fixDocument(
  text: string,
  flavor: Flavor,
  jobs: readonly DocumentJob[],
): { text: string; outcomes: PatchOutcome[] } {
  const tasks = jobs.flatMap((job) =>
    job.patches.map((request): Task => ({
      job,
      request,
      path: [...job.prefix, ...request.patch.path],
    })),
  );
  const { unique, duplicates } = dedupe(tasks);
  const sets = unique.filter((task) => task.request.patch.op === 'set');
  const removals = unique
    .filter((task) => task.request.patch.op === 'remove')
    .sort((a, b) => comparePathsDescending(a.path, b.path));
  const outcomes: PatchOutcome[] = [];
  let current = text;
  for (const phase of [sets, removals]) {
    let pending: readonly Task[] = phase;
    while (pending.length > 0) {
      const round = runRound(current, flavor, pending, outcomes);
      current = round.text;
      pending = round.deferred;
    }
  }
  for (const [duplicate, first] of duplicates) {
    const outcome = outcomes.find((candidate) => candidate.request === first.request);
    if (outcome !== undefined) outcomes.push({ ...outcome, request: duplicate.request });
  }
  return { text: current, outcomes };
}
