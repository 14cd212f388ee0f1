import type { ControlAliases } from '../../controls/define.js';
import type { FrameworkDefinition } from '../../frameworks/define.js';
import type { IngestIssue } from '../../ingest/types.js';
import type { ReportException } from '../../report/scan-report.js';

/** Tests one string (a kind, a namespace, a name); built from a glob or a Kubescape regex. */
export type StringMatcher = (value: string) => boolean;

/**
 * Which resources an exception covers. Every criterion given must match; an absent criterion
 * matches any resource. A namespace criterion never matches a cluster-scoped resource.
 */
export interface ResourceMatcher {
  readonly kind?: StringMatcher;
  readonly namespace?: StringMatcher;
  readonly name?: StringMatcher;
  /** Labels the resource must carry, with exactly these values. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Where an exception was declared, for warnings and audits. */
export interface ExceptionSource {
  readonly format: 'cubecape' | 'kubescape' | 'inline';
  readonly file?: string;
  readonly line?: number;
}

/**
 * One accepted risk, ready to match findings. A Kubescape exception with several posture
 * policies becomes several rules sharing one `exception` record.
 */
export interface ExceptionRule {
  /** What excepted findings carry in the report. */
  readonly exception: ReportException;
  /** Epoch milliseconds from which the exception no longer applies. */
  readonly expiresAt?: number;
  /** Control ids covered; absent = every control. */
  readonly controls?: ReadonlySet<string>;
  /** Control ids of the frameworks named; absent = no framework criterion. */
  readonly frameworkControls?: ReadonlySet<string>;
  /** Resources covered (any of them); absent = every resource. */
  readonly resources?: readonly ResourceMatcher[];
  readonly source: ExceptionSource;
}

/** The controls and frameworks exception files may name; unknown ids are configuration errors. */
export interface ExceptionCatalog {
  readonly controls: readonly { readonly id: string; readonly aliases: ControlAliases }[];
  readonly frameworks: readonly FrameworkDefinition[];
}

/** Rules read from exception files, and what was dropped on the way (warnings). */
export interface LoadedExceptions {
  readonly rules: readonly ExceptionRule[];
  readonly warnings: readonly IngestIssue[];
}

/** One exception file's text, as the CLI read it. */
export interface ExceptionText {
  readonly file: string;
  readonly text: string;
}
