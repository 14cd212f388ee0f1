import type { JsonPath } from '../core/json-path.js';
import type { Severity } from '../core/severity.js';
import type { Resource } from '../model/resource.js';
import type { ScanContext } from '../model/context.js';

/** Equivalent ids in other tools, so users can map findings they already know. */
export interface ControlAliases {
  readonly kubescape?: readonly string[];
  readonly checkov?: readonly string[];
  readonly pss?: readonly string[];
  readonly cis?: readonly string[];
  readonly polaris?: readonly string[];
  readonly kubeLinter?: readonly string[];
  readonly trivy?: readonly string[];
}

/** What a control needs beyond manifests; such controls are skipped when it is missing. */
export type ControlRequirement = 'cluster' | 'host' | 'cloud' | 'manual';

/** A change that fixes a violation: set (or remove, when value is undefined) the node at path. */
export interface FixPatch {
  readonly op: 'set' | 'remove';
  readonly path: JsonPath;
  readonly value?: unknown;
}

/** One offending node found by a control. */
export interface Violation<M extends string = string> {
  readonly messageId: M;
  /** Values substituted into the message template's `{name}` placeholders. */
  readonly data?: Readonly<Record<string, string | number>>;
  /** Most specific offending node; for a missing field, where it should be. */
  readonly path: JsonPath;
  /** The offending value as text; secrets must already be redacted. */
  readonly evidence?: string;
  readonly fix?: readonly FixPatch[];
}

/** A control's verdict on one resource: violations (none = passed), or skipped with a reason. */
export type CheckResult<M extends string = string> =
  readonly Violation<M>[] | { readonly skipped: string };

/** Which resources a control judges. */
export interface ControlMatch {
  /** Kinds by name (`Deployment`), or `*` for every kind. */
  readonly kinds: readonly string[];
  /**
   * Narrows the match beyond kinds (e.g. only Pods that run kube-apiserver). Resources it rejects
   * are not judged at all: they neither pass nor fail, so they do not inflate scores. Pure.
   */
  readonly where?: (resource: Resource) => boolean;
}

/** A failing and a passing manifest for one control, as YAML text. */
export interface ControlExamples {
  readonly failing: string;
  readonly passing: string;
  /**
   * A controls configuration (`--config` file, YAML) both examples are judged under, for controls
   * that judge nothing without one (allow-lists, block-lists); absent: the defaults.
   */
  readonly config?: string | undefined;
}

/**
 * Examples built on first read: derived examples (YAML rendered from a spec) cost module-load
 * time for every command, while only `explain`, the docs and the tests ever read them.
 */
export function lazyExamples(build: () => ControlExamples): ControlExamples {
  let built: ControlExamples | undefined;
  const get = (): ControlExamples => (built ??= build());
  return {
    get failing() {
      return get().failing;
    },
    get passing() {
      return get().passing;
    },
    get config() {
      return get().config;
    },
  };
}

export interface ControlDefinition<M extends string = string> {
  /** kebab-case, equal to the file name. */
  readonly id: string;
  readonly title: string;
  /** One or two sentences: what is checked and why it matters. */
  readonly description: string;
  readonly severity: Severity;
  readonly match: ControlMatch;
  readonly aliases: ControlAliases;
  /** Message templates by id; `{name}` placeholders are filled from the violation's data. */
  readonly messages: Readonly<Record<M, string>>;
  readonly remediation: string;
  /** Data the control needs that manifests do not carry. */
  readonly requires?: ControlRequirement;
  /**
   * Manifests (YAML text) that fail and pass the control under default settings (or under
   * `examples.config` when the control needs configuration), shown by
   * `cubecape explain` and the generated docs; the meta-test runs them through the control.
   */
  readonly examples?: ControlExamples;
  /** Pure: no I/O, clock or randomness. */
  readonly check: (resource: Resource, context: ScanContext) => CheckResult<M>;
}

export type Control = ControlDefinition;

/** Declares a control with typed message ids. */
export function defineControl<M extends string>(
  definition: ControlDefinition<M>,
): ControlDefinition<M> {
  return definition;
}

export function isSkipped(result: CheckResult): result is { readonly skipped: string } {
  return !Array.isArray(result);
}

/**
 * A message template split at its `{name}` placeholders: literal text at even indexes,
 * placeholder names at odd ones. Templates are few and messages many (one per finding), so each
 * template is split once. Bounded: policy-defined messages can be as many as the findings.
 */
const templateParts = new Map<string, readonly string[]>();
const MAX_CACHED_TEMPLATES = 4096;

function partsOf(template: string): readonly string[] {
  let parts = templateParts.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    if (templateParts.size < MAX_CACHED_TEMPLATES) templateParts.set(template, parts);
  }
  return parts;
}

/** Fills `{name}` placeholders of a message template; unknown names stay as written. */
export function formatMessage(
  template: string,
  data: Readonly<Record<string, string | number>> | undefined,
): string {
  if (data === undefined) return template;
  const parts = partsOf(template);
  let out = parts[0] ?? '';
  for (let at = 1; at < parts.length; at += 2) {
    const key = parts[at] ?? '';
    out += Object.hasOwn(data, key) ? String(data[key]) : `{${key}}`;
    out += parts[at + 1] ?? '';
  }
  return out;
}
