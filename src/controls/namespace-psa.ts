import type { JsonPath } from '../core/json-path.js';
import { isRecord, type Resource } from '../model/resource.js';
import { defineControl, type ControlDefinition, type Violation } from './define.js';

/** The Pod Security Admission label that rejects pods breaking a level. */
export const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';

export const PSA_LEVELS = ['privileged', 'baseline', 'restricted'] as const;
export type PsaLevel = (typeof PSA_LEVELS)[number];

/** The enforce label of a Namespace as written (undefined when absent or not a string). */
export function enforceLabelOf(resource: Resource): string | undefined {
  const metadata = resource.object['metadata'];
  const labels = isRecord(metadata) ? metadata['labels'] : undefined;
  const value = isRecord(labels) ? labels[ENFORCE_LABEL] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Where the enforce label is, or the deepest existing node on the way to it. */
export function enforceLabelPath(resource: Resource): JsonPath {
  const metadata = resource.object['metadata'];
  if (!isRecord(metadata)) return [];
  const labels = metadata['labels'];
  if (!isRecord(labels)) return ['metadata'];
  return Object.hasOwn(labels, ENFORCE_LABEL)
    ? ['metadata', 'labels', ENFORCE_LABEL]
    : ['metadata', 'labels'];
}

type PsaMessage = 'enforce-missing' | 'enforce-weaker' | 'enforce-invalid';

export interface NamespacePsaSpec extends Omit<
  ControlDefinition<PsaMessage>,
  'match' | 'messages' | 'check' | 'requires'
> {
  /** The weakest level the namespace must enforce. */
  readonly minimum: Exclude<PsaLevel, 'privileged'>;
}

function judgeNamespace(resource: Resource, minimum: PsaLevel): Violation<PsaMessage>[] {
  const value = enforceLabelOf(resource);
  const path = enforceLabelPath(resource);
  const fix = [{ op: 'set' as const, path: ['metadata', 'labels', ENFORCE_LABEL], value: minimum }];
  if (value === undefined) return [{ messageId: 'enforce-missing', data: { minimum }, path, fix }];
  const level = PSA_LEVELS.indexOf(value.trim() as PsaLevel);
  if (level === -1)
    return [{ messageId: 'enforce-invalid', data: { value, minimum }, path, evidence: value, fix }];
  if (level < PSA_LEVELS.indexOf(minimum))
    return [{ messageId: 'enforce-weaker', data: { value, minimum }, path, evidence: value, fix }];
  return [];
}

/** Declares a control requiring Namespaces to enforce at least one Pod Security Standards level. */
export function defineNamespacePsaControl(spec: NamespacePsaSpec): ControlDefinition<PsaMessage> {
  const { minimum, ...definition } = spec;
  return defineControl({
    ...definition,
    match: { kinds: ['Namespace'] },
    messages: {
      'enforce-missing': `The namespace has no ${ENFORCE_LABEL} label, so Pod Security Admission lets privileged pods in; expected {minimum} or stricter.`,
      'enforce-weaker': `The namespace enforces {value}; expected {minimum} or stricter.`,
      'enforce-invalid': `The namespace's ${ENFORCE_LABEL} label is "{value}", which is no Pod Security Standards level; expected {minimum} or stricter.`,
    },
    check: (resource) => judgeNamespace(resource, minimum),
  });
}
