import type { JsonPath } from '../../src/core/json-path.js';
import type { Control } from '../../src/controls/define.js';
import { controlTester } from './control-tester.js';

type Obj = Record<string, unknown>;

/** A KubeletConfiguration document with `fields` on top of the kind and apiVersion. */
export function kubeletConfig(fields: Obj): Obj {
  return { apiVersion: 'kubelet.config.k8s.io/v1beta1', kind: 'KubeletConfiguration', ...fields };
}

export interface KubeletCases {
  readonly valid: readonly { readonly name: string; readonly fields: Obj }[];
  readonly invalid: readonly {
    readonly name: string;
    readonly fields: Obj;
    readonly path: JsonPath;
    readonly value?: string;
  }[];
}

/** Runs a kubelet configuration control; each invalid case expects one finding at `path`. */
export function runKubeletTests(control: Control, cases: KubeletCases): void {
  controlTester.run(control, {
    valid: cases.valid.map((c) => ({ name: c.name, object: kubeletConfig(c.fields) })),
    invalid: cases.invalid.map((c) => ({
      name: c.name,
      object: kubeletConfig(c.fields),
      violations: [
        {
          messageId: 'field-value',
          path: c.path,
          ...(c.value === undefined ? {} : { evidence: c.value }),
        },
      ],
    })),
  });
}
