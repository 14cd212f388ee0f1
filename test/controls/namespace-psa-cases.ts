import type { Control } from '../../src/controls/define.js';
import { controlTester } from './control-tester.js';

const LABEL = 'pod-security.kubernetes.io/enforce';

export function namespace(labels?: unknown, name = 'team'): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, ...(labels === undefined ? {} : { labels }) },
  };
}

/** Shared table for the namespace Pod Security Admission label controls. */
export function runNamespacePsaTests(
  control: Control,
  levels: {
    readonly minimum: 'baseline' | 'restricted';
    /** Enforce levels that pass, and weaker ones that fail. */
    readonly valid: readonly string[];
    readonly invalid: readonly string[];
  },
): void {
  const { minimum, valid: passing, invalid: weaker } = levels;
  controlTester.run(control, {
    valid: passing.map((level) => ({
      name: `enforces ${level}`,
      object: namespace({ [LABEL]: level, 'pod-security.kubernetes.io/warn': 'restricted' }),
    })),
    invalid: [
      {
        name: 'no labels',
        object: namespace(),
        violations: [{ messageId: 'enforce-missing', path: ['metadata'], data: { minimum } }],
      },
      {
        name: 'only the warn and audit labels',
        object: namespace({
          'pod-security.kubernetes.io/warn': 'restricted',
          'pod-security.kubernetes.io/audit': 'restricted',
        }),
        violations: [{ messageId: 'enforce-missing', path: ['metadata', 'labels'] }],
      },
      ...weaker.map((level) => ({
        name: `enforces ${level}`,
        object: namespace({ [LABEL]: level }),
        violations: [
          {
            messageId: 'enforce-weaker',
            path: ['metadata', 'labels', LABEL],
            evidence: level,
            data: { value: level, minimum },
          },
        ],
      })),
      {
        name: 'hostile: not a level',
        object: namespace({ [LABEL]: 'strict' }),
        violations: [
          { messageId: 'enforce-invalid', path: ['metadata', 'labels', LABEL], evidence: 'strict' },
        ],
      },
      {
        name: 'hostile: labels not a map',
        object: namespace('x'),
        violations: [{ messageId: 'enforce-missing', path: ['metadata'] }],
      },
      {
        name: 'hostile: no metadata',
        object: { apiVersion: 'v1', kind: 'Namespace' },
        violations: [{ messageId: 'enforce-missing', path: [] }],
      },
    ],
  });
}
