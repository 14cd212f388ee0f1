import { CubecapeError } from '../../core/errors.js';
import { defineControl, type CheckResult, type Control } from '../../controls/define.js';
import type { ScanContext } from '../../model/context.js';
import type { KubeObject, Resource } from '../../model/resource.js';
import type { ValidatingPolicy } from './validating-policy-load.js';
import { evaluateValidatingPolicy, selectsResource } from './validating-policy.js';

/** Control id of a ValidatingPolicy: `kyverno:<policy>` (`kyverno:<namespace>.<policy>`). */
export function vpolControlId(policy: ValidatingPolicy): string {
  const scope = policy.namespace === undefined ? '' : `${policy.namespace}.`;
  return `kyverno:${scope}${policy.name}`;
}

function namespaceObject(context: ScanContext) {
  return (name: string): KubeObject | undefined =>
    context.resources.find('Namespace', undefined, name)?.object;
}

function policyControl(policy: ValidatingPolicy): Control {
  const title = policy.annotations['policies.kyverno.io/title'];
  const description = policy.annotations['policies.kyverno.io/description'];
  const bySelector = policy.variants.some((v) => v.matchConstraints.namespaceSelector != null);
  return defineControl({
    id: vpolControlId(policy),
    title: title ?? `${policy.kind} ${policy.name}`,
    description:
      description?.trim().replace(/\s+/g, ' ') ??
      `Kyverno ${policy.kind} ${policy.name} (${policy.file}).`,
    severity: policy.severity,
    // `where` has no scan context: namespaceSelectors are judged again in check, with it.
    match: {
      kinds: ['*'],
      where: (resource) => bySelector || selectsResource(policy, resource, () => undefined),
    },
    aliases: {},
    messages: { violation: '{message}' },
    remediation: `Make the resource satisfy the validations of ${policy.kind} ${policy.name}.`,
    check: (resource: Resource, context): CheckResult<'violation'> => {
      const nsObject = namespaceObject(context);
      if (!selectsResource(policy, resource, nsObject))
        return { skipped: 'the policy does not select this resource' };
      const objects = context.resources.all.map((r) => r.object);
      const result = evaluateValidatingPolicy(policy, resource, {
        namespaceObject: nsObject,
        objects,
      });
      if (result === undefined) return { skipped: 'the policy does not select this resource' };
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
 * One control per ValidatingPolicy, so its findings flow through cubecape's engine, report,
 * exceptions and gates; `resource.Get/List` read the scanned resources.
 */
export function validatingPolicyControls(policies: readonly ValidatingPolicy[]): Control[] {
  return policies.map(policyControl);
}
