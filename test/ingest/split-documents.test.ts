import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitDocuments } from '../../src/ingest/split-documents.js';

function summary(text: string): { index: number; startLine: number; text: string }[] {
  return splitDocuments(text).map(({ index, startLine, text: chunk }) => ({
    index,
    startLine,
    text: chunk,
  }));
}

describe('splitDocuments', () => {
  const cases: readonly {
    readonly name: string;
    readonly text: string;
    readonly expected: readonly { index: number; startLine: number; text: string }[];
  }[] = [
    { name: 'empty text', text: '', expected: [] },
    { name: 'only comments', text: '# a\n\n# b\n', expected: [] },
    {
      name: 'one bare document',
      text: 'a: 1\n',
      expected: [{ index: 0, startLine: 0, text: 'a: 1\n' }],
    },
    {
      name: 'leading comments before the first marker are not a document',
      text: '# header\n---\na: 1\n---\nb: 2\n',
      expected: [
        { index: 0, startLine: 0, text: '# header\n---\na: 1\n' },
        { index: 1, startLine: 3, text: '---\nb: 2\n' },
      ],
    },
    {
      name: 'explicit empty documents keep their index',
      text: '---\n---\na: 1\n---\n',
      expected: [
        { index: 0, startLine: 0, text: '---\n' },
        { index: 1, startLine: 1, text: '---\na: 1\n' },
        { index: 2, startLine: 3, text: '---\n' },
      ],
    },
    {
      name: 'content on the marker line stays with its document',
      text: 'a: 1\n--- {b: 2}\n--- |\n  text\n',
      expected: [
        { index: 0, startLine: 0, text: 'a: 1\n' },
        { index: 1, startLine: 1, text: '--- {b: 2}\n' },
        { index: 2, startLine: 2, text: '--- |\n  text\n' },
      ],
    },
    {
      name: '`---x`, `----` and indented markers are content',
      text: 'a: |\n  ---\n---x: 1\n----: 2\n',
      expected: [{ index: 0, startLine: 0, text: 'a: |\n  ---\n---x: 1\n----: 2\n' }],
    },
    {
      name: '`...` ends a document; a bare document may follow',
      text: 'a: 1\n...\nb: 2\n...\n# trailing\n',
      expected: [
        { index: 0, startLine: 0, text: 'a: 1\n' },
        { index: 1, startLine: 2, text: 'b: 2\n' },
      ],
    },
    {
      name: 'directives belong to the following marker',
      text: '%YAML 1.1\n---\na: 1\n...\n%YAML 1.2\n%TAG ! tag:x,2024:\n---\nb: 2\n',
      expected: [
        { index: 0, startLine: 0, text: '%YAML 1.1\n---\na: 1\n' },
        { index: 1, startLine: 4, text: '%YAML 1.2\n%TAG ! tag:x,2024:\n---\nb: 2\n' },
      ],
    },
    {
      name: 'CRLF line ends and a marker at the very end',
      text: 'a: 1\r\n---\r\nb: 2\r\n---',
      expected: [
        { index: 0, startLine: 0, text: 'a: 1\r\n' },
        { index: 1, startLine: 1, text: '---\r\nb: 2\r\n' },
        { index: 2, startLine: 3, text: '---' },
      ],
    },
  ];
  for (const { name, text, expected } of cases) {
    test(name, () => {
      assert.deepEqual(summary(text), expected);
    });
  }

  test('a huge single line is one document, split in linear time', () => {
    const text = `data: ${'x'.repeat(5_000_000)}`;
    const started = performance.now();
    const chunks = splitDocuments(text);
    assert.equal(chunks.length, 1);
    assert.ok(performance.now() - started < 500);
  });
});
