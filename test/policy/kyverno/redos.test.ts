import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCubecapeError } from '../../../src/core/errors.js';
import { searchJmes } from '../../../src/policy/kyverno/jmespath.js';
import { wildcardMatch } from '../../../src/policy/kyverno/wildcard.js';

/** Generous: a backtracking engine takes hours on these inputs; RE2 takes milliseconds. */
const BOUND_MS = 2000;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

const HOSTILE = `${'a'.repeat(100_000)}!`;

describe('Kyverno regexes and wildcards run in linear time (ReDoS guard)', () => {
  const cases: [string, unknown][] = [
    ["regex_match('(a+)+$', input)", false],
    ["regex_match('^(a|aa)+$', input)", false],
    ["regex_match('(a*)*b', input)", false],
    ["length(regex_replace_all('(a+)+b', input, 'x'))", 100_001],
    ["length(regex_replace_all_literal('(a|a)+!', input, 'x'))", 1],
  ];
  for (const [expression, expected] of cases) {
    it(`${expression} on 100k characters`, () => {
      const { value, ms } = timed(() => searchJmes(expression, { input: HOSTILE }));
      assert.equal(value, expected);
      assert.ok(ms < BOUND_MS, `took ${ms.toFixed(0)} ms`);
    });
  }

  it('wildcards with many stars on 100k characters', () => {
    const pattern = `${'*a'.repeat(20)}*b`;
    const { value, ms } = timed(() => wildcardMatch(pattern, HOSTILE));
    assert.equal(value, false);
    assert.ok(ms < BOUND_MS, `took ${ms.toFixed(0)} ms`);
  });

  it('wildcards keep their meaning', () => {
    const table: [string, string, boolean][] = [
      ['*', '', true],
      ['a*c', 'abbbc', true],
      ['a?c', 'abc', true],
      ['a?c', 'ac', false],
      ['?', 'é', true],
      ['?', '😀', true],
      ['*.example.com', 'api.example.com', true],
      ['*.example.com', 'example.com', false],
      ['a*b*c', 'aXbYc', true],
      ['a*b*c', 'aXcYb', false],
      ['exact', 'exact', true],
    ];
    for (const [pattern, text, expected] of table) {
      assert.equal(wildcardMatch(pattern, text), expected, `${pattern} ~ ${text}`);
    }
  });

  it('RE2 syntax: inline flags work, backreferences are rejected with a clear error', () => {
    assert.equal(searchJmes("regex_match('(?i)^NGINX', 'nginx:1.25')", {}), true);
    assert.throws(
      () => searchJmes("regex_match('(a)\\\\1', 'aa')", {}),
      (error: unknown) =>
        isCubecapeError(error) && /invalid regular expression/.test(error.message),
    );
  });
});
