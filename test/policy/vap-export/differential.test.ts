import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { isSkipped, type Control } from '../../../src/controls/define.js';
import { controlsById } from '../../../src/controls/index.js';
import { buildScanContext } from '../../../src/model/build-context.js';
import { isRecord } from '../../../src/model/resource.js';
import { evaluateVap } from '../../../src/policy/cel/vap-evaluate.js';
import { loadCelPolicies } from '../../../src/policy/cel/vap-load.js';
import { exportControl } from '../../../src/policy/vap-export/build.js';
import { EXPORT_RULES } from '../../../src/policy/vap-export/table.js';
import {
  controlTester,
  type ControlCase,
  type ControlCases,
} from '../../controls/control-tester.js';
import { makeResource, workloadOf } from '../../model/make-resource.js';

/**
 * Differential test: every table-test case of an exported control (plus its documented
 * examples, plus each Pod case re-wrapped in every other workload kind) goes through the
 * built-in control and through our ValidatingAdmissionPolicy evaluator on the exported policy;
 * the pass/fail verdicts must agree. Cases the control skips (no pod spec to judge) have no
 * verdict to compare and are counted apart.
 */

/** Cases whose verdicts differ on purpose, with the reason. Each must still differ. */
const KNOWN_DIFFERENCES: Readonly<Record<string, Readonly<Record<string, string>>>> = {};

async function casesOf(id: string): Promise<ControlCases> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- restored as is; it uses no `this`
  const original = controlTester.run;
  let captured: ControlCases | undefined;
  controlTester.run = (_control: Control, cases: ControlCases) => {
    captured = cases;
  };
  try {
    await import(`../../controls/${id}.test.ts`);
  } finally {
    controlTester.run = original;
  }
  if (captured === undefined) throw new Error(`test/controls/${id}.test.ts ran no table`);
  return captured;
}

type Verdict = 'pass' | 'fail' | 'skip' | 'unmatched';

function builtinVerdict(control: Control, testCase: ControlCase): Verdict {
  const resource = makeResource(testCase.object);
  if (!control.match.kinds.includes(resource.kind)) return 'unmatched';
  const extras = (testCase.extra ?? []).map((object) => makeResource(object));
  const context = buildScanContext([resource, ...extras], {
    source: testCase.source ?? 'manifests',
    ...(testCase.settings === undefined ? {} : { settings: testCase.settings }),
  });
  const result = control.check(resource, context);
  if (isSkipped(result)) return 'skip';
  return result.length > 0 ? 'fail' : 'pass';
}

function vapVerdict(control: Control, object: Record<string, unknown>): Verdict {
  const docs = exportControl(control).map((doc) => ({ object: doc, file: 'export.yaml' }));
  const loaded = loadCelPolicies(docs);
  assert.deepEqual(loaded.problems, [], 'the exported policy must load');
  const policy = loaded.policies[0];
  assert.ok(policy !== undefined);
  const results = evaluateVap(policy, loaded.bindings, makeResource(object), {
    objects: [],
    namespaceObject: () => undefined,
  });
  if (results.length === 0) return 'unmatched';
  return results.some((r) => r.status === 'fail') ? 'fail' : 'pass';
}

const REWRAP_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'PodTemplate'];

/** The Pod cases again, as every other workload kind (same pod spec). */
function rewrapped(cases: readonly ControlCase[]): ControlCase[] {
  return cases.flatMap((c) => {
    if (c.object['kind'] !== 'Pod' || !isRecord(c.object['spec'])) return [];
    return REWRAP_KINDS.map((kind) => ({
      ...c,
      name: `${c.name} (as ${kind})`,
      object: workloadOf(kind, c.object['spec']),
    }));
  });
}

function exampleCases(control: Control): ControlCase[] {
  if (control.examples === undefined) return [];
  return (['failing', 'passing'] as const).map((which) => ({
    name: `example ${which}`,
    object: parse(control.examples?.[which] ?? '') as Record<string, unknown>,
  }));
}

const totals = { compared: 0, agreed: 0, skipped: 0, known: 0 };

// Loaded up front: some control test files also declare their own (helper) tests, which then
// run here as well.
const tables = new Map<string, ControlCases>();
for (const id of Object.keys(EXPORT_RULES)) tables.set(id, await casesOf(id));

describe('vap export: built-in control and exported policy agree', () => {
  for (const [id, table] of tables) {
    const control = (controlsById as Record<string, Control | undefined>)[id];
    assert.ok(control !== undefined, `unknown control ${id}`);
    const own = [...table.valid, ...table.invalid, ...(table.skipped ?? [])].filter(
      // Cases under non-default settings judge what the exported (default) policy does not.
      (c) => c.settings === undefined,
    );
    const cases = [...own, ...exampleCases(control), ...rewrapped(own)];
    it(`${id}: ${cases.length} cases`, () => {
      const known = KNOWN_DIFFERENCES[id] ?? {};
      const mismatches: string[] = [];
      for (const testCase of cases) {
        const expected = builtinVerdict(control, testCase);
        if (expected === 'skip' || expected === 'unmatched') {
          totals.skipped++;
          continue;
        }
        const actual = vapVerdict(control, testCase.object);
        totals.compared++;
        if (known[testCase.name] !== undefined) {
          totals.known++;
          assert.notEqual(actual, expected, `${testCase.name} is listed as a known difference`);
          continue;
        }
        if (actual === expected) totals.agreed++;
        else mismatches.push(`${testCase.name}: control ${expected}, policy ${actual}`);
      }
      assert.deepEqual(mismatches, []);
    });
  }
  after(() => {
    console.log(
      `vap export differential: ${totals.agreed}/${totals.compared} verdicts agree, ` +
        `${totals.known} known differences, ${totals.skipped} cases without a verdict`,
    );
  });
});
