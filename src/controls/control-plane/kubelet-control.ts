import { getAt, type JsonPath } from '../../core/json-path.js';
import type { KubeObject } from '../../model/resource.js';
import { defineControl, type ControlDefinition, type Violation } from '../define.js';

type MessageId = 'field-value';

export interface KubeletControlSpec extends Omit<
  ControlDefinition<MessageId>,
  'match' | 'messages' | 'check' | 'requires'
> {
  /** The KubeletConfiguration field judged, e.g. `['authentication', 'anonymous', 'enabled']`. */
  readonly field: JsonPath;
  /** What the field should hold, for messages. */
  readonly expected: string;
  /** Whether the value (undefined when unset: the kubelet's file default applies) is acceptable. */
  readonly accepts: (value: unknown, config: KubeObject) => boolean;
  /** The value a fix sets, when one value fits everyone. */
  readonly fixValue?: unknown;
}

/** The deepest node along `path` that exists: where a missing field belongs. */
function nearestExisting(object: KubeObject, path: JsonPath): JsonPath {
  for (let length = path.length; length > 0; length--) {
    if (getAt(object, path.slice(0, length)) !== undefined) return path.slice(0, length);
  }
  return [];
}

/**
 * Declares a control over one field of a kubelet configuration file (kind KubeletConfiguration,
 * kubelet.config.k8s.io). Unset fields take the defaults of the configuration file format, which
 * are stricter than those of the kubelet's command-line flags.
 */
export function defineKubeletControl(spec: KubeletControlSpec): ControlDefinition<MessageId> {
  const { field, expected, accepts, fixValue, ...definition } = spec;
  return defineControl({
    ...definition,
    match: { kinds: ['KubeletConfiguration'] },
    messages: {
      'field-value': 'The kubelet configuration sets {field} to {value}; expected {expected}.',
    },
    check: (resource): Violation<MessageId>[] => {
      const value = getAt(resource.object, field);
      if (accepts(value, resource.object)) return [];
      const present = value !== undefined;
      const shown = present ? JSON.stringify(value) : 'nothing (unset)';
      return [
        {
          messageId: 'field-value',
          data: { field: field.join('.'), value: shown, expected },
          path: present ? field : nearestExisting(resource.object, field),
          ...(present ? { evidence: shown } : {}),
          ...(fixValue === undefined
            ? {}
            : { fix: [{ op: 'set' as const, path: field, value: fixValue }] }),
        },
      ];
    },
  });
}
