import { isRecord } from '../../model/resource.js';
import { ruleCanAutogen } from './match.js';
import type { KyvernoLoadProblem, KyvernoPolicy, KyvernoRule, KyvernoRuleType } from './types.js';

const API_VERSIONS = new Set(['kyverno.io/v1', 'kyverno.io/v2beta1']);
const KINDS = new Set(['ClusterPolicy', 'Policy']);
const AUTOGEN_ANNOTATION = 'pod-policies.kyverno.io/autogen-controllers';
/** Kinds Kyverno extends Pod rules to by default. */
export const DEFAULT_AUTOGEN_CONTROLLERS = [
  'DaemonSet',
  'Deployment',
  'Job',
  'StatefulSet',
  'ReplicaSet',
  'ReplicationController',
  'CronJob',
] as const;

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  return out;
}

function ruleType(rule: Readonly<Record<string, unknown>>): KyvernoRuleType {
  for (const type of ['validate', 'mutate', 'generate', 'verifyImages'] as const) {
    if (rule[type] !== undefined && rule[type] !== null) return type;
  }
  return 'unknown';
}

function autogenControllers(annotations: Readonly<Record<string, string>>): string[] {
  const value = annotations[AUTOGEN_ANNOTATION];
  if (value === undefined) return [...DEFAULT_AUTOGEN_CONTROLLERS];
  if (value.trim().toLowerCase() === 'none') return [];
  return value
    .split(',')
    .map((kind) => kind.trim())
    .filter((kind) => kind !== '');
}

function failureActionOf(spec: Readonly<Record<string, unknown>>): 'Enforce' | 'Audit' {
  const action = spec.validationFailureAction ?? spec.failureAction;
  return typeof action === 'string' && action.toLowerCase() === 'enforce' ? 'Enforce' : 'Audit';
}

function loadPolicy(
  object: Readonly<Record<string, unknown>>,
  file: string,
  problems: KyvernoLoadProblem[],
): KyvernoPolicy | undefined {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const name = metadata.name;
  const spec = object.spec;
  if (typeof name !== 'string' || name === '' || !isRecord(spec)) {
    problems.push({ file, message: 'a Kyverno policy needs metadata.name and spec' });
    return undefined;
  }
  const annotations = stringMap(metadata.annotations);
  const rules: KyvernoRule[] = [];
  const rawRules = Array.isArray(spec.rules) ? spec.rules : [];
  if (rawRules.length === 0) problems.push({ file, message: `policy ${name} has no rules` });
  for (const [index, raw] of rawRules.entries()) {
    if (!isRecord(raw) || typeof raw.name !== 'string' || raw.name === '') {
      problems.push({ file, message: `policy ${name}: rule ${index} has no name` });
      continue;
    }
    const type = ruleType(raw);
    rules.push({ name: raw.name, type, raw, autogen: ruleCanAutogen(raw) });
  }
  return {
    kind: object.kind === 'Policy' ? 'Policy' : 'ClusterPolicy',
    name,
    namespace:
      object.kind === 'Policy' && typeof metadata.namespace === 'string'
        ? metadata.namespace
        : object.kind === 'Policy'
          ? 'default'
          : undefined,
    file,
    annotations,
    failureAction: failureActionOf(spec),
    autogenControllers: autogenControllers(annotations),
    rules,
  };
}

/** True when a parsed document is a Kyverno ClusterPolicy or Policy this loader reads. */
export function isKyvernoPolicy(object: Readonly<Record<string, unknown>>): boolean {
  return (
    typeof object.apiVersion === 'string' &&
    API_VERSIONS.has(object.apiVersion) &&
    typeof object.kind === 'string' &&
    KINDS.has(object.kind)
  );
}

/**
 * Reads Kyverno `ClusterPolicy` / `Policy` documents (`kyverno.io/v1`, `v2beta1`); other
 * documents are ignored, malformed policies are reported as problems and left out.
 */
export function loadKyvernoPolicies(
  docs: readonly { readonly object: Record<string, unknown>; readonly file: string }[],
): { policies: KyvernoPolicy[]; problems: KyvernoLoadProblem[] } {
  const policies: KyvernoPolicy[] = [];
  const problems: KyvernoLoadProblem[] = [];
  for (const doc of docs) {
    if (!isRecord(doc.object) || !isKyvernoPolicy(doc.object)) continue;
    const policy = loadPolicy(doc.object, doc.file, problems);
    if (policy !== undefined) policies.push(policy);
  }
  return { policies, problems };
}
