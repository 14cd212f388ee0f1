import { getAt, type JsonPath } from '../../core/json-path.js';
import { yaml } from '../../core/lazy-require.js';
import type { KubeObject } from '../../model/resource.js';
import {
  defineControl,
  lazyExamples,
  type ControlDefinition,
  type ControlExamples,
  type Violation,
} from '../define.js';

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
  /**
   * Values of `field` that fail and pass the control; the control's examples are configuration
   * files that set it (undefined leaves it out). Ignored when the spec gives its own examples.
   */
  readonly exampleValues?: { readonly failing: unknown; readonly passing: unknown };
}

/** A KubeletConfiguration document holding `fields` after its type header. */
export function kubeletConfigManifest(fields: Readonly<Record<string, unknown>>): string {
  return yaml().stringify(
    { apiVersion: 'kubelet.config.k8s.io/v1beta1', kind: 'KubeletConfiguration', ...fields },
    { lineWidth: 0 },
  );
}

/** `value` nested under `path`: `['a', 'b'], 1` → `{ a: { b: 1 } }`; undefined gives `{}`. */
function nestAt(path: JsonPath, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (value === undefined || head === undefined) return {};
  return { [String(head)]: rest.length === 0 ? value : nestAt(rest, value) };
}

/** Configuration files that set `field` to the failing and the passing value. */
function kubeletExamples(
  field: JsonPath,
  values: { readonly failing: unknown; readonly passing: unknown },
): ControlExamples {
  return {
    failing: kubeletConfigManifest(nestAt(field, values.failing)),
    passing: kubeletConfigManifest(nestAt(field, values.passing)),
  };
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
  const { field, expected, accepts, fixValue, exampleValues, examples, ...definition } = spec;
  const shown =
    examples ??
    (exampleValues === undefined
      ? undefined
      : lazyExamples(() => kubeletExamples(field, exampleValues)));
  return defineControl({
    ...definition,
    ...(shown === undefined ? {} : { examples: shown }),
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
