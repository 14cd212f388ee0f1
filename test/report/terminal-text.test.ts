import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  characterCount,
  displayWidth,
  safeText,
  truncateLine,
  wrapValue,
  wrapWords,
} from '../../src/report/formatters/terminal-text.js';

/** Any character that acts on a terminal instead of being shown. */
const TERMINAL_ACTIVE =
  /[\x00-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;

describe('safeText', () => {
  const cases: [string, string, string][] = [
    ['plain ASCII', 'nginx:1.27', 'nginx:1.27'],
    ['markup is not a terminal problem', '<a href="x">&amp;</a> ]]>', '<a href="x">&amp;</a> ]]>'],
    ['CSI clear screen', '\x1b[2J', '\\x1b[2J'],
    [
      'OSC 8 hyperlink',
      '\x1b]8;;https://evil\x07click\x1b]8;;\x07',
      '\\x1b]8;;https://evil\\x07click\\x1b]8;;\\x07',
    ],
    ['8-bit CSI', '\x9b31m', '\\x9b31m'],
    ['newline, carriage return, tab', 'a\nb\rc\td', 'a\\nb\\rc\\td'],
    ['NUL and DEL', '\x00\x7f', '\\x00\\x7f'],
    ['bidi override (Trojan Source)', 'a\u202Eb\u2066c', 'a\\u202eb\\u2066c'],
    ['zero-width space and BOM', '\u200b\ufeff', '\\u200b\\ufeff'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
    ['lone surrogate', 'x\ud800y', 'x\\ud800y'],
    ['CJK stays', '日本語', '日本語'],
    ['emoji with ZWJ stays', '👩‍💻 🔥', '👩‍💻 🔥'],
    ['combining accent stays', 'e\u0301', 'e\u0301'],
    ['empty', '', ''],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      const output = safeText(input);
      assert.equal(output, expected);
      assert.doesNotMatch(output, TERMINAL_ACTIVE);
    });
  }
});

describe('displayWidth and characterCount', () => {
  const cases: [string, string, number, number][] = [
    ['ASCII', 'abc', 3, 3],
    ['CJK is two columns each', '日本語', 6, 3],
    ['emoji is two columns', '🔥', 2, 1],
    ['combining mark takes none', 'e\u0301', 1, 2],
    ['an escape is as wide as what is shown', '\x1b', 4, 1],
    ['empty', '', 0, 0],
  ];
  for (const [name, text, width, count] of cases) {
    it(name, () => {
      assert.equal(displayWidth(text), width);
      assert.equal(characterCount(text), count);
    });
  }
});

describe('wrapValue', () => {
  it('keeps a short value on one line', () => {
    assert.deepEqual(wrapValue('true', 20, 3), { lines: ['true'], truncated: false });
  });

  it('cuts a long value into lines of the width', () => {
    const { lines, truncated } = wrapValue('x'.repeat(25), 10, 3);
    assert.deepEqual(lines, ['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    assert.equal(truncated, false);
  });

  it('truncates past the last line with an ellipsis that still fits', () => {
    const { lines, truncated } = wrapValue('x'.repeat(100), 10, 2);
    assert.equal(truncated, true);
    assert.deepEqual(lines, ['x'.repeat(10), `${'x'.repeat(9)}…`]);
  });

  it('never splits an escape or a wide character across lines', () => {
    const { lines } = wrapValue('ab\x1bcd日本', 4, 10);
    assert.deepEqual(lines, ['ab', '\\x1b', 'cd日', '本']);
    for (const line of lines) assert.ok(displayWidth(line) <= 4);
  });

  it('never splits a surrogate pair', () => {
    const { lines } = wrapValue('🔥'.repeat(5), 3, 10);
    for (const line of lines) assert.equal(line, '🔥');
  });
});

describe('truncateLine and wrapWords', () => {
  it('truncateLine keeps text that fits and cuts what does not', () => {
    assert.equal(truncateLine('short', 10), 'short');
    assert.equal(truncateLine('a long sentence here', 10), 'a long se…');
  });

  it('wrapWords breaks at spaces within the width', () => {
    assert.deepEqual(wrapWords('the quick brown fox jumps', 10), [
      'the quick',
      'brown fox',
      'jumps',
    ]);
  });

  it('wrapWords cuts a word longer than the width', () => {
    assert.deepEqual(wrapWords('ab ' + 'x'.repeat(12) + ' cd', 5), [
      'ab',
      'xxxxx',
      'xxxxx',
      'xx cd',
    ]);
  });

  it('wrapWords makes every line safe', () => {
    for (const line of wrapWords('rm -rf \x1b[2J\nnow', 8))
      assert.doesNotMatch(line, TERMINAL_ACTIVE);
  });

  it('wrapWords of an empty or blank text is one empty line', () => {
    assert.deepEqual(wrapWords('', 10), ['']);
    assert.deepEqual(wrapWords('   ', 10), ['']);
  });
});
