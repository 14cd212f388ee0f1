/** A section of a framework (a CIS recommendation group, an NSA chapter) and the controls that judge it. */
export interface FrameworkSection {
  readonly id: string;
  readonly title: string;
  readonly controls: readonly string[];
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
}

export function defineFramework(definition: FrameworkDefinition): FrameworkDefinition {
  return definition;
}

/** Every control id a framework names, once each, in section order. */
export function frameworkControlIds(framework: FrameworkDefinition): string[] {
  return [...new Set(framework.sections.flatMap((section) => section.controls))];
}
