import { describeError } from '../core/errors.js';
import type { JsonPath } from '../core/json-path.js';
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

function matcher(control: Control): (resource: Resource) => boolean {
  const { kinds, where } = control.match;
  const set = new Set(kinds);
  const byKind = kinds.includes('*') ? () => true : (resource: Resource) => set.has(resource.kind);
  return where === undefined ? byKind : (resource) => byKind(resource) && where(resource);
}

/** Runs one control over the resources; a throwing control becomes error findings, never a crash. */
function runControl(
  control: Control,
  resources: readonly Resource[],
  context: ScanContext,
  findings: EngineFinding[],
): ControlOutcome {
  const counts: Record<PairStatus, number> = { passed: 0, failed: 0, skipped: 0, error: 0 };
  const skipReason = controlSkipReason(control, context);
  if (skipReason !== undefined) return { control, skipReason, counts };
  const matches = matcher(control);
  for (const resource of resources) {
    if (!matches(resource)) continue;
    let result;
    try {
      result = control.check(resource, context);
    } catch (error) {
      counts.error++;
      findings.push({
        control,
        resource,
        status: 'error',
        messageId: 'control-error',
        message: `control ${control.id} failed on this resource: ${describeError(error)}`,
        path: [],
      });
      continue;
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
    } else if (result.length === 0) {
      counts.passed++;
    } else {
      counts.failed++;
      for (const violation of result) {
        const template =
          (control.messages as Record<string, string | undefined>)[violation.messageId] ??
          violation.messageId;
        findings.push({
          control,
          resource,
          status: 'failed',
          messageId: violation.messageId,
          message: formatMessage(template, violation.data),
          path: violation.path,
          ...(violation.evidence === undefined ? {} : { evidence: violation.evidence }),
          ...(violation.fix === undefined ? {} : { fix: violation.fix }),
        });
      }
    }
  }
  return { control, counts };
}

/** Judges every resource with every control. Pure apart from the progress callback. */
export function evaluate(
  resources: readonly Resource[],
  controls: readonly Control[],
  context: ScanContext,
  options: EvaluateOptions = {},
): Evaluation {
  const findings: EngineFinding[] = [];
  const outcomes: ControlOutcome[] = [];
  let evaluations = 0;
  controls.forEach((control, index) => {
    const outcome = runControl(control, resources, context, findings);
    const { passed, failed, skipped, error } = outcome.counts;
    evaluations += passed + failed + skipped + error;
    outcomes.push(outcome);
    options.onProgress?.(index + 1, controls.length);
  });
  return { findings, outcomes, evaluations };
}
