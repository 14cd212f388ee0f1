import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getAt, type JsonPath } from '../../src/core/json-path.js';
import {
  formatMessage,
  isSkipped,
  type Control,
  type FixPatch,
  type Violation,
} from '../../src/controls/define.js';
import { buildScanContext } from '../../src/model/build-context.js';
import type { ScanSettings, SourceKind } from '../../src/model/context.js';
import { makeResource } from '../model/make-resource.js';

/** One manifest judged alone, or with other resources in the same scan. */
export interface ControlCase {
  readonly name: string;
  readonly object: Record<string, unknown>;
  /** Other resources of the scan (ServiceAccounts, Roles, …). */
  readonly extra?: readonly Record<string, unknown>[];
  readonly source?: SourceKind;
  /** Scan settings (e.g. the Pod Security Standards version); defaults when omitted. */
  readonly settings?: ScanSettings;
}

export interface ExpectedViolation {
  readonly messageId: string;
  readonly path: JsonPath;
  /** Compared when given. */
  readonly evidence?: string;
  /** Compared when given. */
  readonly data?: Readonly<Record<string, string | number>>;
}

export interface InvalidCase extends ControlCase {
  /** Exactly the violations expected, in the order the control reports them. */
  readonly violations: readonly ExpectedViolation[];
}

export interface SkippedCase extends ControlCase {
  /** Matched against the skip reason when given. */
  readonly reason?: RegExp;
}

export interface ControlCases {
  readonly valid: readonly ControlCase[];
  readonly invalid: readonly InvalidCase[];
  readonly skipped?: readonly SkippedCase[];
}

function judge(control: Control, testCase: ControlCase) {
  const resource = makeResource(testCase.object);
  const extras = (testCase.extra ?? []).map((object) => makeResource(object));
  const context = buildScanContext([resource, ...extras], {
    source: testCase.source ?? 'manifests',
    ...(testCase.settings === undefined ? {} : { settings: testCase.settings }),
  });
  assert.ok(
    control.match.kinds.includes('*') || control.match.kinds.includes(resource.kind),
    `test case kind ${resource.kind} is not matched by ${control.id}`,
  );
  return control.check(resource, context);
}

function comparePaths(a: JsonPath, b: JsonPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/** Applies fix patches to a copy; removals run deepest-index first so indexes stay valid. */
export function applyFixes(
  object: Record<string, unknown>,
  patches: readonly FixPatch[],
): Record<string, unknown> {
  const copy = structuredClone(object);
  const ordered = [...patches].sort((a, b) =>
    a.op === b.op ? -comparePaths(a.path, b.path) : a.op === 'set' ? -1 : 1,
  );
  for (const patch of ordered) {
    let current: unknown = copy;
    for (const [i, segment] of patch.path.slice(0, -1).entries()) {
      const holder = current as Record<string | number, unknown>;
      const next = holder[segment];
      const wantsArray = typeof patch.path[i + 1] === 'number';
      // A node of the wrong shape (a string or list where an object belongs) is replaced.
      if (next === null || typeof next !== 'object' || Array.isArray(next) !== wantsArray) {
        if (patch.op === 'remove') return copy;
        holder[segment] = wantsArray ? [] : {};
      }
      current = holder[segment];
    }
    const last = patch.path.at(-1);
    if (last === undefined) continue;
    if (patch.op === 'set') (current as Record<string | number, unknown>)[last] = patch.value;
    else if (Array.isArray(current) && typeof last === 'number') current.splice(last, 1);
    else Reflect.deleteProperty(current as object, last);
  }
  return copy;
}

function project(violation: Violation, expected: ExpectedViolation | undefined): ExpectedViolation {
  return {
    messageId: violation.messageId,
    path: violation.path,
    ...(expected?.evidence === undefined ? {} : { evidence: violation.evidence ?? '(none)' }),
    ...(expected?.data === undefined ? {} : { data: violation.data ?? {} }),
  };
}

function checkInvariants(
  control: Control,
  testCase: ControlCase,
  violations: readonly Violation[],
): void {
  for (const violation of violations) {
    const template = (control.messages as Record<string, string | undefined>)[violation.messageId];
    assert.ok(template !== undefined, `unknown message id ${violation.messageId}`);
    const message = formatMessage(template, violation.data);
    assert.doesNotMatch(message, /\{\w+\}/, `message has unfilled placeholders: ${message}`);
    assert.notEqual(
      getAt(testCase.object, violation.path),
      undefined,
      `path ${JSON.stringify(violation.path)} does not exist`,
    );
  }
}

/** After applying every fix, no violation that carried a fix may come back at the same place. */
function checkFixes(
  control: Control,
  testCase: ControlCase,
  violations: readonly Violation[],
): void {
  const fixed = violations.filter((violation) => violation.fix !== undefined);
  if (fixed.length === 0) return;
  const object = applyFixes(
    testCase.object,
    fixed.flatMap((violation) => violation.fix ?? []),
  );
  const result = judge(control, { ...testCase, object });
  if (isSkipped(result)) assert.fail(`fixed manifest is skipped: ${result.skipped}`);
  for (const violation of fixed) {
    const again: Violation | undefined = result.find(
      (v) =>
        v.messageId === violation.messageId &&
        JSON.stringify(v.path) === JSON.stringify(violation.path),
    );
    assert.equal(
      again,
      undefined,
      `fix did not remove ${violation.messageId} at ${JSON.stringify(violation.path)}`,
    );
  }
}

/** Table-driven tests for one control, in the manner of ESLint's RuleTester. */
export const controlTester = {
  run(control: Control, cases: ControlCases): void {
    describe(control.id, () => {
      for (const testCase of cases.valid) {
        it(`valid: ${testCase.name}`, () => {
          const result = judge(control, testCase);
          assert.ok(!isSkipped(result), `skipped: ${isSkipped(result) ? result.skipped : ''}`);
          assert.deepEqual(result, []);
        });
      }
      for (const testCase of cases.invalid) {
        it(`invalid: ${testCase.name}`, () => {
          const result = judge(control, testCase);
          assert.ok(!isSkipped(result), `skipped: ${isSkipped(result) ? result.skipped : ''}`);
          const actual = result.map((violation, index) =>
            project(violation, testCase.violations[index]),
          );
          assert.deepEqual(actual, testCase.violations);
          checkInvariants(control, testCase, result);
          checkFixes(control, testCase, result);
        });
      }
      for (const testCase of cases.skipped ?? []) {
        it(`skipped: ${testCase.name}`, () => {
          const result = judge(control, testCase);
          assert.ok(isSkipped(result), `expected a skip, got ${JSON.stringify(result)}`);
          assert.ok(result.skipped.length > 0);
          if (testCase.reason !== undefined) assert.match(result.skipped, testCase.reason);
        });
      }
    });
  },
};
