import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compileSafePattern,
  MAX_PATTERN_SUBJECT,
  testUserPattern,
} from '../../src/config/safe-pattern.js';

test('compileSafePattern accepts ordinary token formats', () => {
  const accepted = [
    String.raw`\bacme_[A-Za-z0-9]{32}\b`,
    String.raw`^sk-[a-z0-9]{20,64}$`,
    String.raw`(?:ghp|gho)_[A-Za-z0-9]{36}`,
    String.raw`BEGIN [A-Z]+ KEY`,
    String.raw`(?:ab){2,3}c`,
    String.raw`x(?:ab)?y`,
    String.raw`[(+*]{3}z`,
    String.raw`a\(b+\)+c`,
  ];
  for (const source of accepted) {
    const result = compileSafePattern(source);
    assert.ok(result instanceof RegExp, `${source}: ${String(result)}`);
  }
});

test('compileSafePattern refuses dangerous and broken patterns', () => {
  const refused: [string, RegExp][] = [
    ['', /empty/],
    ['(a+)+$', /nested quantifiers/],
    ['(a*)*b', /nested quantifiers/],
    ['((ab)+c)+', /nested quantifiers/],
    ['(?:a{1,5}){2,}', /nested quantifiers/],
    ['(a|a)*$', /alternatives/],
    ['(?:x|y)+', /alternatives/],
    [String.raw`(a)\1`, /backreferences/],
    [String.raw`(?<n>a)\k<n>`, /backreferences/],
    ['a+b+c+d', /unbounded/],
    ['a.*b.*c.*', /unbounded/],
    ['(unclosed', /not a valid/],
    ['[z-a]', /not a valid/],
    ['a?', /empty string/],
    ['.*', /empty string/],
    ['x'.repeat(257), /at most 256/],
  ];
  for (const [source, why] of refused) {
    const result = compileSafePattern(source);
    assert.equal(typeof result, 'string', `${source} was accepted`);
    assert.match(String(result), why, source);
  }
});

test('testUserPattern only sees the bounded start of a value', () => {
  const pattern = compileSafePattern('SECRET');
  assert.ok(pattern instanceof RegExp);
  assert.equal(testUserPattern(pattern, `xx SECRET`), true);
  assert.equal(testUserPattern(pattern, `${'x'.repeat(MAX_PATTERN_SUBJECT)}SECRET`), false);
});

test('an accepted pattern stays fast on a hostile value', () => {
  const pattern = compileSafePattern(String.raw`^[a-z]+\d+[a-z]{2,40}$`);
  assert.ok(pattern instanceof RegExp);
  const started = performance.now();
  testUserPattern(pattern, `${'a'.repeat(5000)}1${'b'.repeat(5000)}!`);
  assert.ok(performance.now() - started < 500);
});
