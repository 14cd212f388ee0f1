/** Kyverno policies as cubecape loads them; rule bodies stay as parsed, read on evaluation. */

import type { CelRuleContext } from './cel.js';

export type KyvernoRuleType = 'validate' | 'mutate' | 'generate' | 'verifyImages' | 'unknown';

export interface KyvernoRule {
  readonly name: string;
  readonly type: KyvernoRuleType;
  /** The rule as written. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** True when Kyverno would also apply this Pod rule to workload pod templates. */
  readonly autogen: boolean;
}

export interface KyvernoPolicy {
  readonly kind: 'ClusterPolicy' | 'Policy';
  readonly name: string;
  /** Set for namespaced `Policy` objects: they only apply in their namespace. */
  readonly namespace?: string | undefined;
  readonly file: string;
  readonly annotations: Readonly<Record<string, string>>;
  /** `Enforce` blocks admission, `Audit` only reports. */
  readonly failureAction: 'Enforce' | 'Audit';
  /** Workload kinds Pod rules are extended to; empty when auto-generation is off. */
  readonly autogenControllers: readonly string[];
  readonly rules: readonly KyvernoRule[];
}

export interface KyvernoLoadProblem {
  readonly file: string;
  readonly message: string;
}

/** One rule's verdict on one resource. */
export interface KyvernoRuleResult {
  readonly rule: string;
  readonly result: 'pass' | 'fail' | 'skip' | 'error';
  readonly message: string;
  /** The offending field, rooted at the resource. */
  readonly path?: readonly (string | number)[];
}

/**
 * Values a Kyverno CLI test supplies (`cli.kyverno.io/v1alpha1 Values`): variables by name
 * (dotted names such as `request.operation` set nested fields) and namespace labels.
 */
export interface KyvernoValues {
  readonly global?: Readonly<Record<string, unknown>>;
  /** By policy name, then: `rules` by rule name and `resources` by resource name. */
  readonly policies?: Readonly<
    Record<
      string,
      {
        readonly rules?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
        readonly resources?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
      }
    >
  >;
  /** Labels of namespaces by name, used by `namespaceSelector` when no Namespace object exists. */
  readonly namespaceLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** What evaluation may consult besides the resource. */
export interface KyvernoEvalContext extends CelRuleContext {
  /** Labels of a namespace, from a scanned Namespace object or values; undefined if unknown. */
  readonly namespaceLabels?: (namespace: string) => Readonly<Record<string, string>> | undefined;
  readonly values?: KyvernoValues;
  /** Admission operation to simulate; scans are `CREATE`. */
  readonly operation?: string;
}
