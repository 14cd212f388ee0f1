import type { FrameworkSection } from './define.js';

/** Controls that give evidence for a requirement, and one sentence on why they do. */
export type Evidence = readonly [controls: readonly string[], rationale: string];

/** A requirement of a standard and what of ours judges it. */
export interface RequirementSpec {
  readonly id: string;
  readonly title: string;
  readonly group?: string;
  readonly evidence?: readonly Evidence[];
  /** Why no built-in control can judge the requirement; needed when there is no evidence. */
  readonly notCovered?: string;
}

/**
 * Builds a framework section from evidence groups. One group becomes the section's rationale;
 * several become per-control rationales (a control named twice keeps its first reason).
 */
export function requirement(spec: RequirementSpec): FrameworkSection {
  const evidence = spec.evidence ?? [];
  const base = {
    id: spec.id,
    title: spec.title,
    ...(spec.group === undefined ? {} : { group: spec.group }),
  };
  if (evidence.length === 0) {
    return {
      ...base,
      controls: [],
      rationale: spec.notCovered ?? 'No built-in control judges it.',
    };
  }
  const byControl = new Map<string, string>();
  for (const [controls, rationale] of evidence) {
    for (const id of controls) if (!byControl.has(id)) byControl.set(id, rationale);
  }
  const controls = [...byControl.keys()];
  // fromEntries defines own properties, so an id such as `__proto__` stays an ordinary key.
  const rationales: Record<string, string> = Object.fromEntries(byControl);
  const [only] = evidence;
  if (evidence.length === 1 && only !== undefined) {
    return { ...base, controls, rationale: only[1] };
  }
  return { ...base, controls, rationales };
}
