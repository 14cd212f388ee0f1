import { defineControl, type Control, type Violation } from '../../controls/define.js';
import type { Resource } from '../../model/resource.js';
import type { ScanContext } from '../../model/context.js';
import { evaluateVap, type VapContext, type VapResult } from './vap-evaluate.js';
import type { LoadedCelPolicies, VapPolicy } from './vap-load.js';

function contextFor(loaded: LoadedCelPolicies, scan: ScanContext | undefined): VapContext {
  return {
    objects: loaded.objects,
    namespaceObject: (name) =>
      loaded.namespaces.get(name) ?? scan?.resources.find('Namespace', undefined, name)?.object,
  };
}

function toViolations(results: readonly VapResult[]): Violation<'violation'>[] {
  return results.flatMap((result) =>
    result.violations.map((v) => ({
      messageId: 'violation' as const,
      data: { message: v.message, actions: result.actions.join(',') },
      path: v.path,
    })),
  );
}

function policyControl(policy: VapPolicy, loaded: LoadedCelPolicies): Control {
  // `where` has no scan context: results are cached per resource object for `check`.
  const cache = new WeakMap<object, VapResult[]>();
  const resultsOf = (resource: Resource, scan?: ScanContext): VapResult[] => {
    const cached = cache.get(resource.object);
    if (cached !== undefined) return cached;
    const results = evaluateVap(policy, loaded.bindings, resource, contextFor(loaded, scan));
    cache.set(resource.object, results);
    return results;
  };
  return defineControl({
    id: `vap:${policy.name}`,
    title: `ValidatingAdmissionPolicy ${policy.name}`,
    description: `User policy ${policy.name} from ${policy.file}, judged as the API server would.`,
    severity: policy.severity,
    match: { kinds: ['*'], where: (resource) => resultsOf(resource).length > 0 },
    aliases: {},
    messages: { violation: '{message}' },
    remediation: `Change the resource so that every validation of ${policy.name} holds.`,
    check: (resource, scan) => {
      const results = resultsOf(resource, scan);
      const violations = toViolations(results);
      if (violations.length > 0) return violations;
      const skipped = results.find((r) => r.status === 'skip');
      if (skipped !== undefined && results.every((r) => r.status === 'skip')) {
        return { skipped: skipped.reason ?? 'not evaluated' };
      }
      return [];
    },
  });
}

/**
 * One control per ValidatingAdmissionPolicy, id `vap:<policy name>`, so user policies flow
 * through the same engine, report, exceptions and gates as built-in controls.
 */
export function celControls(loaded: LoadedCelPolicies): Control[] {
  return loaded.policies.map((policy) => policyControl(policy, loaded));
}
