import type { JsonPath } from '../../core/json-path.js';
import { isRecord, type Resource } from '../../model/resource.js';

/** Where a controller kind keeps its pod template. */
const TEMPLATE_PATHS: Readonly<Record<string, JsonPath>> = {
  DaemonSet: ['spec', 'template'],
  Deployment: ['spec', 'template'],
  Job: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export interface PodTemplate {
  /** The template shaped as a Pod (for `podSecurity` and the `images` variable). */
  readonly pod: Readonly<Record<string, unknown>>;
  readonly prefix: JsonPath;
}

/** A workload's pod template, or undefined when the kind has none or it is malformed. */
export function podTemplateOf(resource: Resource): PodTemplate | undefined {
  const prefix = TEMPLATE_PATHS[resource.kind];
  if (prefix === undefined) return undefined;
  let template: unknown = resource.object;
  for (const segment of prefix) template = isRecord(template) ? template[segment] : undefined;
  if (!isRecord(template)) return undefined;
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  return { pod: { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec ?? {} }, prefix };
}

function wrap(pattern: unknown, prefix: JsonPath): unknown {
  let out = pattern;
  for (const segment of [...prefix].reverse()) out = { [String(segment)]: out };
  return out;
}

/** References Kyverno's autogen redirects into the pod template, for JMESPath and CEL rules. */
const JMESPATH_REFS = /request\.(object|oldObject)\.(spec|metadata)\b/g;
// Kyverno replaces CEL references as plain substrings (`object.spec` → `object.spec.template.spec`).
const CEL_REFS = /(object|oldObject)\.(spec|metadata)/g;

/**
 * The rule Kyverno generates for a pod controller: references to the pod's `spec` and `metadata`
 * are redirected into the template (a plain text replacement, as Kyverno does, so quoted forms
 * such as `request."object"` keep reading the workload) and top-level patterns are nested
 * under the template path. CEL rules (`validate.cel`, `celPreconditions`) have their `object.`
 * and `oldObject.` references redirected the same way.
 */
export function autogenRule(
  raw: Readonly<Record<string, unknown>>,
  prefix: JsonPath,
): Readonly<Record<string, unknown>> {
  const into = prefix.join('.');
  const cel = isRecord(raw.validate) && raw.validate.cel !== undefined;
  const body = {
    preconditions: raw.preconditions,
    context: raw.context,
    validate: raw.validate,
    ...(cel ? { celPreconditions: raw.celPreconditions } : {}),
  };
  const text = JSON.stringify(body).replace(
    cel ? CEL_REFS : JMESPATH_REFS,
    (_whole: string, which: string, field: string) =>
      cel ? `${which}.${into}.${field}` : `request.${which}.${into}.${field}`,
  );
  const rewritten = JSON.parse(text) as Record<string, unknown>;
  const validate = isRecord(rewritten.validate) ? { ...rewritten.validate } : undefined;
  if (validate !== undefined) {
    if (validate.pattern !== undefined) validate.pattern = wrap(validate.pattern, prefix);
    if (Array.isArray(validate.anyPattern)) {
      validate.anyPattern = validate.anyPattern.map((p) => wrap(p, prefix));
    }
  }
  return { ...raw, ...rewritten, validate };
}
