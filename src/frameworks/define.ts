/** A section of a framework (a CIS recommendation group, an NSA chapter) and the controls that judge it. */
export interface FrameworkSection {
  readonly id: string;
  readonly title: string;
  readonly controls: readonly string[];
  /** Heading the section is listed under in docs, e.g. `1.2 API Server` or `CC6 Logical access`. */
  readonly group?: string;
  /**
   * One sentence on why the section's controls give evidence for it (our mapping, not the
   * standard's text). For a section without controls: why nothing built in can judge it.
   */
  readonly rationale?: string;
  /** Per-control reasons, by control id; they take precedence over `rationale`. */
  readonly rationales?: Readonly<Record<string, string>>;
}

/**
 * A compliance framework: the source of truth for which controls belong to it. A control's
 * `frameworks` in reports is derived from these definitions.
 */
export interface FrameworkDefinition {
  /** kebab-case, equal to the file name. */
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly url?: string;
  readonly sections: readonly FrameworkSection[];
  /**
   * True for selections of our own controls (`all`, `workload`, `cluster`) rather than an outside
   * standard: membership there says nothing about what a control is evidence for.
   */
  readonly convenience?: boolean;
}

export function defineFramework(definition: FrameworkDefinition): FrameworkDefinition {
  return definition;
}

/** Every control id a framework names, once each, in section order. */
export function frameworkControlIds(framework: FrameworkDefinition): string[] {
  return [...new Set(framework.sections.flatMap((section) => section.controls))];
}

/** Why `controlId` is in `section`: its own reason, else the section's; undefined if neither. */
export function mappingRationale(section: FrameworkSection, controlId: string): string | undefined {
  const own = section.rationales;
  if (own !== undefined && Object.hasOwn(own, controlId)) return own[controlId];
  return section.rationale;
}
