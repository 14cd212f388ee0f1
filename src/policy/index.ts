import type { Control } from '../controls/define.js';
import { defineFramework, type FrameworkDefinition } from '../frameworks/define.js';
import { celControls } from './cel/vap-controls.js';
import { loadCelPolicies } from './cel/vap-load.js';
import {
  kyvernoControls,
  loadKyvernoPolicies,
  loadValidatingPolicies,
  validatingPolicyControls,
} from './kyverno/index.js';

/** A document read from a policy file. */
export interface PolicyDocument {
  readonly object: Record<string, unknown>;
  readonly file: string;
}

/** A policy that could not be loaded, with where it came from. */
export interface PolicyProblem {
  readonly file: string;
  readonly name: string;
  readonly message: string;
}

export interface LoadedPolicies {
  readonly controls: readonly Control[];
  /** The `policies` framework holding every user policy, so they are scored like built-ins. */
  readonly framework: FrameworkDefinition | undefined;
  readonly problems: readonly PolicyProblem[];
}

/** Id of the framework that groups user policies in reports. */
export const POLICIES_FRAMEWORK_ID = 'policies';

/**
 * Turns user policy documents (ValidatingAdmissionPolicy and bindings with their parameter
 * objects; Kyverno ClusterPolicy, Policy and ValidatingPolicy) into controls that run in the same engine, report, exceptions and gates as built-ins.
 */
export function loadPolicies(documents: readonly PolicyDocument[]): LoadedPolicies {
  const cel = loadCelPolicies(documents);
  const kyverno = loadKyvernoPolicies(documents);
  const vpol = loadValidatingPolicies(documents);
  const controls = [
    ...celControls(cel),
    ...kyvernoControls(kyverno.policies),
    ...validatingPolicyControls(vpol.policies),
  ];
  const framework =
    controls.length === 0
      ? undefined
      : defineFramework({
          id: POLICIES_FRAMEWORK_ID,
          name: 'User policies',
          version: 'local',
          description: 'The policies given with --policy, scored like the built-in controls.',
          sections: [
            { id: 'policies', title: 'User policies', controls: controls.map((c) => c.id) },
          ],
        });
  const problems: PolicyProblem[] = [
    ...cel.problems,
    ...kyverno.problems.map((problem) => ({ ...problem, name: 'Kyverno policy' })),
    ...vpol.problems,
  ];
  return { controls, framework, problems };
}
