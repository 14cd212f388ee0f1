import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateDocuments, toFiles } from '../../bench/generate.js';
import type { JsonPath } from '../../src/core/json-path.js';
import { readFastYaml } from '../../src/ingest/fast-yaml.js';
import { TapeSourceMap } from '../../src/ingest/source-map.js';
import { splitDocuments } from '../../src/ingest/split-documents.js';
import type { DocumentChunk } from '../../src/ingest/split-documents.js';
import { parseChunk, parseYamlStream } from '../../src/ingest/yaml-stream.js';
import type { ParsedDocument } from '../../src/ingest/yaml-stream.js';

/*
 * The fast reader is checked against js-yaml (the path every document took before it) as a black
 * box: for each document, either the fast reader declines, or it returns the same value and its
 * positions answer every `locate` exactly as the recorded js-yaml positions do.
 */

const MUTANTS = Number(process.env['FAST_YAML_MUTANTS'] ?? 4000);
const CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** Strict structural difference: -0 ≠ 0, NaN = NaN, key order and prototypes count. */
function difference(actual: unknown, expected: unknown, at = '$'): string | undefined {
  if (actual === null || typeof actual !== 'object' || expected === null) {
    return Object.is(actual, expected)
      ? undefined
      : `${at}: ${String(actual)} (${typeof actual}) ≠ ${String(expected)} (${typeof expected})`;
  }
  if (typeof expected !== 'object') return `${at}: object ≠ ${typeof expected}`;
  if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) return `${at}: prototype`;
  const actualKeys = Object.keys(actual);
  const expectedKeys = Object.keys(expected);
  if (actualKeys.join('\0') !== expectedKeys.join('\0')) {
    return `${at}: keys ${JSON.stringify(actualKeys)} ≠ ${JSON.stringify(expectedKeys)}`;
  }
  for (const key of actualKeys) {
    const found = difference(
      (actual as Record<string, unknown>)[key],
      (expected as Record<string, unknown>)[key],
      `${at}.${key}`,
    );
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Every path to a node, plus one step past each leaf and a missing key or index everywhere. */
function* probes(value: unknown, path: JsonPath = []): Generator<JsonPath> {
  yield path;
  if (Array.isArray(value)) {
    yield [...path, value.length];
    yield [...path, 'name'];
    for (const [index, item] of value.entries()) yield* probes(item, [...path, index]);
  } else if (value !== null && typeof value === 'object') {
    yield [...path, 'no-such-key'];
    yield [...path, 0];
    for (const [key, item] of Object.entries(value)) yield* probes(item, [...path, key]);
  } else {
    yield [...path, 'deeper'];
    yield [...path, 0];
  }
}

type Outcome = 'fast' | 'fallback';

/**
 * Parses `chunk` with and without the fast reader and asserts that they agree. Returns whether
 * the fast reader took the document.
 */
function compareChunk(chunk: DocumentChunk, where: string): Outcome {
  const fast = readFastYaml(chunk.text);
  if (fast === undefined) return 'fallback';
  const oracle = parseChunk(chunk, 'f.yaml', { fastPath: false });
  if (oracle !== undefined && 'code' in oracle) {
    assert.fail(`${where}: js-yaml rejects it (${oracle.message}) but the fast reader read it`);
  }
  const mine = parseChunk(chunk, 'f.yaml');
  if (oracle === undefined) {
    assert.equal(fast.value ?? null, null, `${where}: empty for js-yaml`);
    assert.equal(mine, undefined, where);
    return 'fast';
  }
  const differs = difference(fast.value, oracle.value);
  assert.equal(differs, undefined, `${where}: ${differs ?? ''}`);
  assert.ok(mine !== undefined && !('code' in mine), where);
  assert.ok(mine.sourceMap instanceof TapeSourceMap, `${where}: parseChunk took the fast path`);
  comparePositions(mine, oracle, where);
  return 'fast';
}

function comparePositions(mine: ParsedDocument, oracle: ParsedDocument, where: string): void {
  assert.deepEqual(mine.position, oracle.position, `${where}: document position`);
  for (const path of probes(oracle.value)) {
    const actual = mine.sourceMap.locate(path);
    const expected = oracle.sourceMap.locate(path);
    if (
      actual?.exact !== expected?.exact ||
      actual?.position.line !== expected?.position.line ||
      actual?.position.column !== expected?.position.column
    ) {
      assert.deepEqual(actual, expected, `${where}: locate(${JSON.stringify(path)})`);
    }
  }
  const items = (oracle.value as { items?: unknown }).items;
  if (Array.isArray(items) && items.length > 0) {
    const child = (doc: ParsedDocument): unknown => doc.sourceMap.child(['items', 0]).locate([]);
    assert.deepEqual(child(mine), child(oracle), `${where}: child(['items', 0])`);
  }
}

function chunksOf(text: string): DocumentChunk[] {
  return splitDocuments(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

describe('fast YAML reader against js-yaml', () => {
  test('every document of the shared corpus: same value and positions, or a fallback', () => {
    let documents = 0;
    let fast = 0;
    for (const file of yamlFiles(CORPUS).sort()) {
      for (const chunk of chunksOf(readFileSync(file, 'utf8'))) {
        documents += 1;
        if (compareChunk(chunk, `${file} #${chunk.index}`) === 'fast') fast += 1;
      }
    }
    const share = fast / documents;
    console.log(
      `fast path: ${fast} of ${documents} corpus documents (${(share * 100).toFixed(1)} %)`,
    );
    assert.ok(documents > 20_000, `${documents} documents`);
    assert.ok(share >= 0.95, `fast path share ${share}`);
  });

  test('generated benchmark manifests all take the fast path, identically', () => {
    const files = toFiles(generateDocuments(2000));
    let documents = 0;
    for (const [index, text] of files.entries()) {
      for (const chunk of chunksOf(text)) {
        documents += 1;
        assert.equal(compareChunk(chunk, `file ${index} #${chunk.index}`), 'fast');
      }
    }
    assert.equal(documents, 2000);
  });

  test('positions stay right for every document after all of them were read', () => {
    // Tapes share buffers; reading later documents must not disturb earlier ones.
    const files = toFiles(generateDocuments(3000), 100);
    const read = files.map((text, index) => parseYamlStream(text, `f${index}.yaml`));
    for (const [index, text] of files.entries()) {
      const oracle = parseYamlStream(text, `f${index}.yaml`, { fastPath: false });
      const mine = read[index]?.documents ?? [];
      assert.equal(mine.length, oracle.documents.length);
      for (const [at, doc] of oracle.documents.entries()) {
        const own = mine[at];
        assert.ok(own?.sourceMap instanceof TapeSourceMap);
        comparePositions(own, doc, `file ${index} #${at}`);
      }
    }
  });
});

/** Marks a hand case the fast reader must leave to js-yaml. */
const FALLBACK = Symbol('fallback');

type HandCase = readonly [name: string, yaml: string, expected: unknown];

const SUPPORTED: readonly HandCase[] = [
  ['block mapping', 'a: 1\nb: x\n', { a: 1, b: 'x' }],
  ['nested mapping', 'a:\n  b:\n    c: d\n', { a: { b: { c: 'd' } } }],
  ['indented root', '  a: 1\n  b: 2\n', { a: 1, b: 2 }],
  [
    'sequence of mappings',
    '- name: a\n  image: b\n- name: c\n',
    [{ name: 'a', image: 'b' }, { name: 'c' }],
  ],
  ['compact sequence', 'a:\n- 1\n- 2\nb: 3\n', { a: [1, 2], b: 3 }],
  ['indented sequence', 'a:\n  - 1\n  - x\n', { a: [1, 'x'] }],
  ['nested sequences', '- - a\n  - b\n- - c\n', [['a', 'b'], ['c']]],
  ['item on the next line', '-\n  a: 1\n- # note\n  b\n', [{ a: 1 }, 'b']],
  ['empty values', 'a:\nb: ~\nc: null\nd:\n', { a: null, b: null, c: null, d: null }],
  [
    'go-yaml booleans',
    'a: on\nb: yes\nc: N\nd: "on"\ny: 1\n',
    { a: true, b: true, c: false, d: 'on', true: 1 },
  ],
  [
    'numbers',
    'a: 0755\nb: 0x1F\nc: 1_000\nd: -0\ne: 1.5e3\nf: .5\ng: 1e21\n',
    { a: 493, b: 31, c: 1000, d: 0, e: 1500, f: 0.5, g: 1e21 },
  ],
  ['special floats', 'a: .inf\nb: -.Inf\nc: .NaN\n', { a: Infinity, b: -Infinity, c: NaN }],
  [
    'resolved keys',
    '1: a\n0x10: b\ntrue: c\n~: d\n1.50: e\n',
    { 1: 'a', 16: 'b', true: 'c', null: 'd', 1.5: 'e' },
  ],
  [
    'plain scalars with indicators inside',
    'a: b:c\nd: e#f\ng: -h\ni: ?j\nk: :l\nm: n [o] {p}, q\n',
    { a: 'b:c', d: 'e#f', g: '-h', i: '?j', k: ':l', m: 'n [o] {p}, q' },
  ],
  [
    // Repeated one-line values are taken from a cache keyed by first character, length and last
    // character: lookalikes (abc/axc, 0x10/0010/1e10), types and flow items must still differ.
    'repeated and lookalike values',
    'a: abc\nb: axc\nc: abc\nd: 0x10\ne: 0010\nf: 1e10\ng: 0x10\nh: [abc, axc, on, "on", 0x10]\ni: on\n',
    {
      a: 'abc',
      b: 'axc',
      c: 'abc',
      d: 16,
      e: 8,
      f: 1e10,
      g: 16,
      h: ['abc', 'axc', true, 'on', 16],
      i: true,
    },
  ],
  ['comments', '# head\na: 1 # trailing\n# between\nb: "x" # after quotes\n', { a: 1, b: 'x' }],
  [
    'multi-line plain',
    'a: one\n  two\n\n  three\nb: x\n  -y `z`\n',
    { a: 'one two\nthree', b: 'x -y `z`' },
  ],
  [
    'double-quoted escapes',
    String.raw`a: "t\tq\"b\\s\/x\x41u\u00e9U\U0001F600n\N_\_0\0"` + '\n',
    { a: 't\tq"b\\s/xAuéU😀n\x85_\xa00\0' },
  ],
  [
    'double-quoted folding',
    'a: "one\n  two\n\n  three \\\n  four"\n',
    { a: 'one two\nthree four' },
  ],
  [
    'single-quoted',
    "a: 'it''s'\nb: 'one\n  two'\n'c d': ''\n",
    { a: "it's", b: 'one two', 'c d': '' },
  ],
  ['quoted keys', '"a b": 1\n\'c\': 2\n"1": 3\n', { 'a b': 1, c: 2, 1: 3 }],
  ['literal block', 'a: |\n  x\n   y\n\n  z\nb: 1\n', { a: 'x\n y\n\nz\n', b: 1 }],
  ['folded block', 'a: >\n  a\n  b\n\n  c\n   d\n  e\n', { a: 'a b\nc\n d\ne\n' }],
  ['chomping', 'a: |-\n  x\n\nb: |+\n  x\n\n\nc: >-\n  y\n', { a: 'x', b: 'x\n\n\n', c: 'y' }],
  [
    'explicit indentation in a mapping',
    'a: |2\n   x\n  y\nb: >1\n  z\n',
    { a: ' x\ny\n', b: ' z\n' },
  ],
  ['block scalar in a sequence', '- |\n  x\n- >-\n   y\n', ['x\n', 'y']],
  ['block scalar with spaces-only lines', 'a: |\n  x\n     \n  y\n', { a: 'x\n   \ny\n' }],
  ['empty block scalar', 'a: |\nb: >-\n\nc: 1\n', { a: '', b: '', c: 1 }],
  ['block scalar at the end without a line break', 'a: |\n  x', { a: 'x\n' }],
  [
    'flow collections',
    'a: ["ALL"]\nb: {cpu: 100m, memory: "1Gi"}\nc: []\nd: {}\n',
    { a: ['ALL'], b: { cpu: '100m', memory: '1Gi' }, c: [], d: {} },
  ],
  ['nested flow', 'a: [1, [2, {b: c}], {d: [e]}, ]\n', { a: [1, [2, { b: 'c' }], { d: ['e'] }] }],
  [
    'flow scalars with colons',
    'a: {url: http://x:80/y, b: c:d}\n',
    { a: { url: 'http://x:80/y', b: 'c:d' } },
  ],
  ['JSON-like flow mapping', 'a: {"k":"v", "n": 1}\n', { a: { k: 'v', n: 1 } }],
  ['multi-line flow', 'a: [\n    x,\n    # note\n    z\n  ]\n', { a: ['x', 'z'] }],
  ['flow mapping with an empty value', 'a: {b: , c: 1}\n', { a: { b: null, c: 1 } }],
  ['document marker and comments', '# c\n--- # c\n\n# c\na: 1\n', { a: 1 }],
  ['empty document', '---\n# nothing\n', null],
  ['top-level scalar', 'hello\n  world\n', 'hello world'],
  ['unicode', 'a: é 😀 日本\n', { a: 'é 😀 日本' }],
];

const FALLBACKS: readonly HandCase[] = [
  ['anchor and alias', 'a: &x 1\nb: *x\n', FALLBACK],
  ['merge key', 'a: {x: 1}\nb:\n  <<: {y: 2}\n', FALLBACK],
  ['tag', 'a: !!str 1\n', FALLBACK],
  ['local tag', 'a: !Ref x\n', FALLBACK],
  ['complex key', '? a\n: b\n', FALLBACK],
  ['flow collection as a key', '{a: 1}: b\n', FALLBACK],
  ['duplicate key', 'a: 1\na: 2\n', FALLBACK],
  ['duplicate key after resolution', '1: a\n"1": b\n', FALLBACK],
  ['__proto__ key', '__proto__: 1\n', FALLBACK],
  ['tab indentation', 'a:\n\tb: 1\n', FALLBACK],
  ['tab after a colon', 'a:\t1\n', FALLBACK],
  ['CRLF line breaks', 'a: 1\r\nb: 2\r\n', FALLBACK],
  ['directive', '%YAML 1.1\n---\na: 1\n', FALLBACK],
  ['content after the document marker', '--- a: 1\n', FALLBACK],
  ['empty sequence entry', '- a\n-\n- b\n', FALLBACK],
  ['value on the key line and a nested mapping', 'a: b\n  c: d\n', FALLBACK],
  ['bad indentation', 'a:\n    b: 1\n  c: 2\n', FALLBACK],
  ['unclosed quote', 'a: "b\n', FALLBACK],
  ['unclosed flow', 'a: [b, c\n', FALLBACK],
  ['implicit pair in a flow sequence', 'a: [b: c]\n', FALLBACK],
  ['unknown escape', 'a: "\\q"\n', FALLBACK],
  ['lone surrogate escape', 'a: "\\ud800"\n', FALLBACK],
  ['control character', 'a: "\x01"\n', FALLBACK],
  ['top-level block scalar', '|\n  x\n', FALLBACK],
  ['keep-chomped empty block scalar', 'a: |+\n\nb: 1\n', FALLBACK],
  ['flow value on the next line', 'a: {b:\n  c}\n', FALLBACK],
  ['flow line not indented past its parent', 'a: [\nb]\n', FALLBACK],
  ['multi-line plain in flow', 'a: [b\n  c]\n', FALLBACK],
  ['nesting deeper than the reader goes', `${'['.repeat(300)}${']'.repeat(300)}\n`, FALLBACK],
  ['line starting like a document marker', 'a\n---b\n', FALLBACK],
  ['top-level scalar continued less indented', ' a\nb\n', FALLBACK],
];

describe('fast YAML reader, hand cases', () => {
  for (const [name, yaml, expected] of SUPPORTED) {
    test(name, () => {
      if (expected === FALLBACK) {
        assert.equal(readFastYaml(yaml), undefined);
        return;
      }
      const fast = readFastYaml(yaml);
      assert.ok(fast !== undefined, 'read by the fast reader');
      assert.equal(difference(fast.value, expected), undefined);
      for (const chunk of splitDocuments(yaml)) assert.equal(compareChunk(chunk, name), 'fast');
    });
  }
  for (const [name, yaml] of FALLBACKS) {
    test(`falls back: ${name}`, () => {
      assert.equal(readFastYaml(yaml), undefined);
      for (const chunk of splitDocuments(yaml)) assert.equal(compareChunk(chunk, name), 'fallback');
    });
  }

  test('positions are those of the keys and items, computed when asked', () => {
    const text =
      '# c\n---\nkind: List\nitems:\n  - name: a\n    ports: [80, {p: 1}]\n  -\n    b: |\n      x\n';
    const [doc] = parseYamlStream(text, 'f.yaml').documents;
    assert.ok(doc !== undefined && doc.sourceMap instanceof TapeSourceMap);
    assert.deepEqual(doc.position, { line: 3, column: 1 });
    const at = (path: JsonPath): unknown => doc.sourceMap.locate(path);
    assert.deepEqual(at(['items', 0, 'ports', 1, 'p']), {
      position: { line: 6, column: 18 },
      exact: true,
    });
    assert.deepEqual(at(['items', 1]), { position: { line: 8, column: 5 }, exact: true });
    assert.deepEqual(at(['items', 1, 'b', 'x']), {
      position: { line: 8, column: 5 },
      exact: false,
    });
    assert.deepEqual(at(['items', 2, 'b']), { position: { line: 4, column: 1 }, exact: false });
    assert.deepEqual(doc.sourceMap.child(['items', 1]).locate(['b']), at(['items', 1, 'b']));
  });
});

/** Seeded PRNG (mulberry32), so that a failing mutant can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = [
  ':',
  ': ',
  '-',
  '- ',
  '#',
  ' #',
  '"',
  "'",
  ' ',
  '  ',
  '\n',
  '\n  ',
  '|',
  '>',
  '|-',
];
const MORE_INSERTS = ['[', ']', '{', '}', ',', '\t', '&a ', '*a', '!t ', '? ', '%', '\\', '0', '~'];
const ALPHABET = [...INSERTS, ...MORE_INSERTS, '.', '@', '`', 'x', '\\n', '\\x4', '---', '...'];

/** One random edit: insert a token, delete characters, or move a line's indentation. */
function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const choice = next();
  if (choice < 0.55) {
    const token = ALPHABET[Math.floor(next() * ALPHABET.length)] ?? ' ';
    return text.slice(0, at) + token + text.slice(at);
  }
  if (choice < 0.8) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (choice < 0.9) return `${text.slice(0, lineStart)} ${text.slice(lineStart)}`;
  return text.slice(0, lineStart) + text.slice(lineStart).replace(/^ /, '');
}

describe('fast YAML reader on mutated documents', () => {
  test('mutants read the same as with js-yaml, or fall back; never accepted when invalid', () => {
    // Corpus documents for realistic shapes, the hand cases for the rarer features.
    const corpus = ['manifests', 'kyverno-policies', 'psa'].flatMap((dir) =>
      yamlFiles(join(CORPUS, dir))
        .sort()
        .flatMap((file) => chunksOf(readFileSync(file, 'utf8')))
        .filter((chunk) => chunk.text.length < 3000 && readFastYaml(chunk.text) !== undefined),
    );
    const hand = SUPPORTED.map(([, yaml]) => ({ text: yaml }));
    const sources = [...corpus, ...hand, ...hand, ...hand, ...hand];
    const next = random(Number(process.env['FAST_YAML_SEED'] ?? 20_240_611));
    const counts = { fast: 0, fallback: 0 };
    for (let mutant = 0; mutant < MUTANTS; mutant += 1) {
      const source = sources[Math.floor(next() * sources.length)];
      assert.ok(source !== undefined);
      let text = source.text;
      const edits = 1 + Math.floor(next() * 3);
      for (let edit = 0; edit < edits; edit += 1) text = mutate(text, next);
      for (const chunk of splitDocuments(text)) {
        counts[compareChunk(chunk, `mutant ${mutant}: ${JSON.stringify(text)}`)] += 1;
      }
    }
    console.log(`mutants: ${counts.fast} documents read fast, ${counts.fallback} fell back`);
    assert.ok(counts.fast > MUTANTS / 4 && counts.fallback > MUTANTS / 10, JSON.stringify(counts));
  });
});

describe('fast YAML positions in long lists', () => {
  test('every item of a 20,000-item List is located at its own line, the last as exactly as the first', () => {
    const count = 20_000;
    const lines = ['apiVersion: v1', 'kind: List', 'items:'];
    for (let i = 0; i < count; i += 1) lines.push(`  - {kind: ConfigMap, idx: ${i}}`);
    const text = `${lines.join('\n')}\n`;
    const parsed = parseYamlStream(text, 'list.yaml');
    const [doc] = parsed.documents;
    assert.ok(doc !== undefined && doc.sourceMap instanceof TapeSourceMap, 'took the fast path');
    const sourceMap: TapeSourceMap = doc.sourceMap;
    for (let i = 0; i < count; i += 1) {
      const found = sourceMap.locate(['items', i, 'idx']);
      assert.deepEqual(found, { position: { line: i + 4, column: 23 }, exact: true });
    }
    const past = sourceMap.locate(['items', count, 'idx']);
    assert.deepEqual(past, { position: { line: 3, column: 1 }, exact: false });
  });
});
