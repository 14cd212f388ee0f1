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

/**
 * The rule Kyverno generates for a pod controller: references to the pod's `spec` and `metadata`
 * are redirected into the template (a plain text replacement, as Kyverno does, so quoted forms
 * such as `request."object"` keep reading the workload) and top-level patterns are nested
 * under the template path.
 */
export function autogenRule(
  raw: Readonly<Record<string, unknown>>,
  prefix: JsonPath,
): Readonly<Record<string, unknown>> {
  const into = prefix.join('.');
  const body = { preconditions: raw.preconditions, context: raw.context, validate: raw.validate };
  const text = JSON.stringify(body).replace(
    /request\.(object|oldObject)\.(spec|metadata)\b/g,
    (_whole, which: string, field: string) => `request.${which}.${into}.${field}`,
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
