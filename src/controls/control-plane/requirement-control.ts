import type { ControlRequirement } from '../define.js';
import { defineControl, type ControlDefinition } from '../define.js';

const REASONS: Readonly<Record<Exclude<ControlRequirement, 'cluster'>, string>> = {
  host: 'needs data from the node host, which manifests and the Kubernetes API do not carry',
  cloud: 'needs the cloud provider API, which cubecape does not call',
  manual: 'needs manual review; record the outcome with an exception',
};

export interface RequirementControlSpec extends Omit<
  ControlDefinition<'not-evaluable'>,
  'match' | 'messages' | 'check' | 'requires'
> {
  readonly requires: Exclude<ControlRequirement, 'cluster'>;
}

/**
 * Declares a control that cubecape lists and reports but cannot judge from manifests or the API:
 * node file permissions, cloud account settings, organisational practice. The engine skips it
 * with the reason its `requires` names; `check` says the same if called directly.
 */
export function defineRequirementControl(
  spec: RequirementControlSpec,
): ControlDefinition<'not-evaluable'> {
  const reason = REASONS[spec.requires];
  return defineControl({
    ...spec,
    match: { kinds: ['Node'] },
    messages: { 'not-evaluable': `This control ${reason}.` },
    check: () => ({ skipped: reason }),
  });
}
