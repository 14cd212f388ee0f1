import { CubecapeError } from '../../core/errors.js';
import { isSeverity, type Severity } from '../../core/severity.js';
import { defineControl, type CheckResult, type Control } from '../../controls/define.js';
import type { ScanContext } from '../../model/context.js';
import { isRecord, type Resource } from '../../model/resource.js';
import { evaluateKyverno } from './evaluate.js';
import { kindMatches } from './match.js';
import type { KyvernoPolicy, KyvernoRule } from './types.js';

const SEVERITY_ANNOTATION = 'policies.kyverno.io/severity';
const TITLE_ANNOTATION = 'policies.kyverno.io/title';
const DESCRIPTION_ANNOTATION = 'policies.kyverno.io/description';

/** Control id of a policy rule: `kyverno:<policy>/<rule>`. */
export function kyvernoControlId(policy: KyvernoPolicy, rule: KyvernoRule): string {
  const scope = policy.namespace === undefined ? '' : `${policy.namespace}.`;
  return `kyverno:${scope}${policy.name}/${rule.name}`;
}

function severityOf(policy: KyvernoPolicy): Severity {
  const value = policy.annotations[SEVERITY_ANNOTATION]?.trim().toLowerCase();
  return isSeverity(value) ? value : 'medium';
}

function kindsOf(rule: KyvernoRule, policy: KyvernoPolicy): string[] {
  const kinds = new Set<string>();
  const visit = (block: unknown): void => {
    if (!isRecord(block)) return;
    const any: readonly unknown[] = Array.isArray(block.any) ? block.any : [];
    const all: readonly unknown[] = Array.isArray(block.all) ? block.all : [];
    for (const filter of [block, ...any, ...all]) {
      const resources =
        isRecord(filter) && isRecord(filter.resources) ? filter.resources : undefined;
      const list = Array.isArray(resources?.kinds) ? resources.kinds : [];
      for (const kind of list)
        if (typeof kind === 'string') kinds.add(kind.split('/').pop() ?? kind);
    }
  };
  visit(rule.raw.match);
  if (rule.autogen) for (const controller of policy.autogenControllers) kinds.add(controller);
  return [...kinds].some((kind) => /[*?]/.test(kind) || /^[a-z]/.test(kind)) ? ['*'] : [...kinds];
}

function messageOf(rule: KyvernoRule): string {
  const validate = isRecord(rule.raw.validate) ? rule.raw.validate : {};
  return typeof validate.message === 'string'
    ? validate.message
    : `Kyverno rule ${rule.name} failed.`;
}

function namespaceLabels(context: ScanContext) {
  return (namespace: string): Readonly<Record<string, string>> | undefined => {
    const found = context.resources.find('Namespace', undefined, namespace);
    if (found === undefined) return undefined;
    const metadata = isRecord(found.object.metadata) ? found.object.metadata : {};
    const labels = isRecord(metadata.labels) ? metadata.labels : {};
    return Object.fromEntries(Object.entries(labels).map(([key, value]) => [key, String(value)]));
  };
}

function ruleControl(policy: KyvernoPolicy, rule: KyvernoRule): Control {
  const single: KyvernoPolicy = { ...policy, rules: [rule] };
  const kinds = kindsOf(rule, policy);
  return defineControl({
    id: kyvernoControlId(policy, rule),
    title: policy.annotations[TITLE_ANNOTATION] ?? `${policy.name}: ${rule.name}`,
    description:
      policy.annotations[DESCRIPTION_ANNOTATION]?.trim().replace(/\s+/g, ' ') ??
      `Kyverno ${policy.kind} ${policy.name}, rule ${rule.name} (${policy.file}).`,
    severity: severityOf(policy),
    match: {
      kinds,
      where: (resource: Resource) =>
        kinds.includes('*') ||
        kinds.some((kind) => kindMatches(kind, resource.apiVersion, resource.kind)),
    },
    aliases: {},
    messages: { violation: '{message}' },
    remediation: messageOf(rule),
    check: (resource, context): CheckResult<'violation'> => {
      const result = evaluateKyverno(single, resource, {
        namespaceLabels: namespaceLabels(context),
        namespaceObject: (name) => context.resources.find('Namespace', undefined, name)?.object,
        paramObjects: (apiVersion, kind) =>
          context.resources
            .byKind(kind)
            .filter((r) => r.apiVersion === apiVersion)
            .map((r) => r.object),
      })[0];
      if (result === undefined) return { skipped: 'the rule does not select this resource' };
      if (result.result === 'error') throw new CubecapeError('CONTROL_ERROR', result.message);
      if (result.result === 'skip') return { skipped: result.message };
      if (result.result === 'pass') return [];
      return [
        { messageId: 'violation', data: { message: result.message }, path: result.path ?? [] },
      ];
    },
  });
}

/**
 * One control per policy rule, so Kyverno findings flow through cubecape's engine, report,
 * exceptions and gates. Severity, title and description come from the policy's annotations
 * (`policies.kyverno.io/*`), remediation from the rule message; frameworks are left to callers.
 */
export function kyvernoControls(policies: readonly KyvernoPolicy[]): Control[] {
  return policies.flatMap((policy) => policy.rules.map((rule) => ruleControl(policy, rule)));
}
