import { describeError } from '../core/errors.js';
import type { JsonPath } from '../core/json-path.js';
import type { Mutable } from '../core/mutable.js';
import { formatMessage, isSkipped, type Control, type FixPatch } from '../controls/define.js';
import type { ScanContext } from '../model/context.js';
import type { Resource } from '../model/resource.js';

/** Outcome of one control on one resource. */
export type PairStatus = 'passed' | 'failed' | 'skipped' | 'error';

/** One violation (or skip / error) of a control on a resource, before report shaping. */
export interface EngineFinding {
  readonly control: Control;
  readonly resource: Resource;
  readonly status: 'failed' | 'skipped' | 'error';
  readonly messageId: string;
  readonly message: string;
  readonly path: JsonPath;
  readonly evidence?: string;
  readonly fix?: readonly FixPatch[];
}

export interface ControlOutcome {
  readonly control: Control;
  /** Set when the whole control could not run on this input. */
  readonly skipReason?: string;
  readonly counts: Record<PairStatus, number>;
}

export interface Evaluation {
  readonly findings: EngineFinding[];
  readonly outcomes: ControlOutcome[];
  /** Resource × control pairs judged (including skipped and errored ones). */
  readonly evaluations: number;
}

export interface EvaluateOptions {
  readonly onProgress?: (done: number, total: number) => void;
}

const REQUIREMENT_REASONS = {
  host: 'needs data from the node host (files, kubelet or kernel settings), which manifests do not carry',
  cloud: 'needs the cloud provider API, which cubecape does not call during a manifest scan',
  manual: 'needs manual review; record the outcome with an exception',
} as const;

/** Why a control cannot run on this input at all, or undefined when it can. */
function controlSkipReason(control: Control, context: ScanContext): string | undefined {
  switch (control.requires) {
    case undefined:
      return undefined;
    case 'cluster':
      return context.source === 'cluster' ? undefined : 'needs a live cluster scan (--cluster)';
    default:
      return REQUIREMENT_REASONS[control.requires];
  }
}

/** A control's running state during one evaluation. */
interface ControlState {
  readonly control: Control;
  readonly counts: Record<PairStatus, number>;
  readonly skipReason: string | undefined;
  /** Slot of the control's `where` in the per-resource memo when other controls share it, or -1. */
  readonly whereSlot: number;
}

/** Per-resource answers of shared `where` predicates: 0 not asked yet, 1 matches, 2 does not. */
type WhereMemo = Uint8Array;

/**
 * Gives each `where` predicate that several controls share (the same function object, as all
 * flag controls of one control-plane component use) a memo slot, so it runs once per resource.
 */
function whereSlots(controls: readonly Control[]): Map<Control, number> {
  const users = new Map<(resource: Resource) => boolean, Control[]>();
  for (const control of controls) {
    const where = control.match.where;
    if (where === undefined) continue;
    const list = users.get(where);
    if (list === undefined) users.set(where, [control]);
    else list.push(control);
  }
  const slots = new Map<Control, number>();
  let next = 0;
  for (const list of users.values()) {
    if (list.length < 2) continue;
    for (const control of list) slots.set(control, next);
    next += 1;
  }
  return slots;
}

/** Whether `resource` passes the control's `where` (asked once per resource when shared). */
function matchesWhere(state: ControlState, resource: Resource, memo: WhereMemo): boolean {
  const where = state.control.match.where;
  if (where === undefined) return true;
  const slot = state.whereSlot;
  if (slot < 0) return where(resource);
  let answer = memo[slot];
  if (answer === 0) {
    answer = where(resource) ? 1 : 2;
    memo[slot] = answer;
  }
  return answer === 1;
}

function controlError(state: ControlState, resource: Resource, error: unknown): EngineFinding {
  return {
    control: state.control,
    resource,
    status: 'error',
    messageId: 'control-error',
    message: `control ${state.control.id} failed on this resource: ${describeError(error)}`,
    path: [],
  };
}

/** Judges one resource with one control; a throwing control becomes an error finding. */
function judgePair(
  state: ControlState,
  resource: Resource,
  context: ScanContext,
  findings: EngineFinding[],
  memo: WhereMemo,
): void {
  const { control, counts } = state;
  let result;
  try {
    if (!matchesWhere(state, resource, memo)) return;
    result = control.check(resource, context);
  } catch (error) {
    counts.error++;
    findings.push(controlError(state, resource, error));
    return;
  }
  if (isSkipped(result)) {
    counts.skipped++;
    findings.push({
      control,
      resource,
      status: 'skipped',
      messageId: 'skipped',
      message: result.skipped,
      path: [],
    });
    return;
  }
  if (result.length === 0) {
    counts.passed++;
    return;
  }
  counts.failed++;
  const messages = control.messages as Record<string, string | undefined>;
  for (const violation of result) {
    // Built by assignment, not spread: one finding per violation, tens of thousands per scan.
    const finding: Mutable<EngineFinding> = {
      control,
      resource,
      status: 'failed',
      messageId: violation.messageId,
      message: formatMessage(messages[violation.messageId] ?? violation.messageId, violation.data),
      path: violation.path,
    };
    if (violation.evidence !== undefined) finding.evidence = violation.evidence;
    if (violation.fix !== undefined) finding.fix = violation.fix;
    findings.push(finding);
  }
}

/** The runnable controls that match a kind, in registry order, computed once per kind. */
function controlsByKind(
  states: readonly ControlState[],
): (kind: string) => readonly ControlState[] {
  const runnable = states.filter((state) => state.skipReason === undefined);
  const cache = new Map<string, readonly ControlState[]>();
  return (kind) => {
    let list = cache.get(kind);
    if (list === undefined) {
      list = runnable.filter(({ control }) =>
        control.match.kinds.some((k) => k === kind || k === '*'),
      );
      cache.set(kind, list);
    }
    return list;
  };
}

/** Progress is reported every this many resources. */
const PROGRESS_EVERY = 500;

/**
 * Judges every resource with every control that matches it. Resource-major: each resource meets
 * only the controls of its kind, so the cost grows with the pairs that are judged, not with
 * resources × controls. Pure apart from the progress callback.
 */
export function evaluate(
  resources: readonly Resource[],
  controls: readonly Control[],
  context: ScanContext,
  options: EvaluateOptions = {},
): Evaluation {
  const findings: EngineFinding[] = [];
  const slots = whereSlots(controls);
  const states: ControlState[] = controls.map((control) => ({
    control,
    counts: { passed: 0, failed: 0, skipped: 0, error: 0 },
    skipReason: controlSkipReason(control, context),
    whereSlot: slots.get(control) ?? -1,
  }));
  const memo: WhereMemo = new Uint8Array(new Set(slots.values()).size);
  const statesFor = controlsByKind(states);
  resources.forEach((resource, index) => {
    memo.fill(0);
    for (const state of statesFor(resource.kind)) {
      judgePair(state, resource, context, findings, memo);
    }
    if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === resources.length) {
      options.onProgress?.(index + 1, resources.length);
    }
  });
  let evaluations = 0;
  const outcomes = states.map(({ control, counts, skipReason }): ControlOutcome => {
    evaluations += counts.passed + counts.failed + counts.skipped + counts.error;
    return skipReason === undefined ? { control, counts } : { control, skipReason, counts };
  });
  return { findings, outcomes, evaluations };
}
