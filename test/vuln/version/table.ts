// Runs ordered-pair tables against a scheme, in both directions.
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { isCubecapeError } from '../../../src/core/errors.js';
import type { VersionScheme } from '../../../src/vuln/version/scheme.js';

export type Case = readonly [string, '<' | '=' | '>', string];

const ORDER = { '<': -1, '=': 0, '>': 1 } as const;

export function orderCases(scheme: VersionScheme, cases: readonly Case[]): void {
  for (const [a, op, b] of cases) {
    it(`orders ${JSON.stringify(a)} ${op} ${JSON.stringify(b)}`, () => {
      assert.equal(scheme.compare(a, b), ORDER[op]);
      assert.equal(scheme.compare(b, a), -ORDER[op] || 0);
    });
  }
}

/** Every entry must be rejected by `isValid`, `parse` and `compare` (with INVALID_VERSION). */
export function invalidCases(scheme: VersionScheme, values: readonly unknown[]): void {
  it(`rejects ${values.length} invalid or hostile versions`, () => {
    for (const bad of values) {
      const text = bad as string;
      assert.equal(scheme.isValid(text), false, JSON.stringify(bad));
      assert.equal(scheme.parse(text), undefined, JSON.stringify(bad));
      assert.throws(
        () => scheme.compare(text, text),
        (error: unknown) => isCubecapeError(error) && error.code === 'INVALID_VERSION',
      );
    }
  });
}
