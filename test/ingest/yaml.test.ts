import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { IngestIssue } from '../../src/ingest/types.js';
import { parseYamlDocuments } from '../../src/ingest/yaml.js';
import { parseYamlStream } from '../../src/ingest/yaml-stream.js';
import { checkBounds, YAML_LIMITS } from '../../src/ingest/yaml-limits.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8');

function pod(name: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`;
}

function only(issues: readonly IngestIssue[]): IngestIssue {
  assert.equal(issues.length, 1, JSON.stringify(issues));
  const [issue] = issues;
  assert.ok(issue !== undefined);
  return issue;
}

/** Runs `work` and asserts it finished within `ms`: hostile inputs must stay bounded. */
function within<T>(ms: number, work: () => T): T {
  const started = performance.now();
  const result = work();
  const elapsed = performance.now() - started;
  assert.ok(elapsed < ms, `took ${elapsed.toFixed(0)} ms, budget ${ms} ms`);
  return result;
}

describe('multi-document files', () => {
  test('a broken document in the middle keeps the others, at their indexes', () => {
    const { resources, issues } = parseYamlDocuments(
      fixture('multi-doc-broken.yaml'),
      'multi.yaml',
    );
    assert.deepEqual(
      resources.map((r) => [r.name, r.origin?.documentIndex]),
      [
        ['first', 0],
        ['third', 2],
        ['fourth', 3],
      ],
    );
    const issue = only(issues);
    assert.equal(issue.code, 'YAML_SYNTAX');
    assert.equal(issue.severity, 'error');
    assert.equal(issue.file, 'multi.yaml');
    // The fixture's broken line (a mapping entry with bad indentation) is line 17.
    assert.equal(issue.line, 17);
    assert.ok(issue.column !== undefined && issue.column > 0);
  });

  test('errors in document 3 carry the file line, not the document line', () => {
    const text = `${pod('a')}---\n${pod('b')}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: c\n  name: d\n`;
    const { resources, issues } = parseYamlDocuments(text, 'three.yaml');
    assert.deepEqual(
      resources.map((r) => r.name),
      ['a', 'b'],
    );
    const issue = only(issues);
    assert.equal(issue.code, 'YAML_DUPLICATE_KEY');
    assert.equal(issue.line, 23);
    assert.equal(issue.column, 3);
    assert.match(issue.message, /name/);
  });

  test('empty documents are dropped silently but count for indexes', () => {
    const { resources, issues } = parseYamlDocuments(
      `---\n---\n# nothing\n---\n${pod('x')}`,
      'e.yaml',
    );
    assert.deepEqual(issues, []);
    const origin = resources[0]?.origin;
    assert.ok(origin !== undefined);
    assert.equal(origin.documentIndex, 2);
    assert.deepEqual(origin.position, { line: 5, column: 1 });
  });

  test('a byte order mark does not shift columns', () => {
    const { resources } = parseYamlDocuments(`\uFEFF${pod('bom')}`, 'bom.yaml');
    assert.deepEqual(resources[0]?.origin?.sourceMap.locate(['kind'])?.position, {
      line: 2,
      column: 1,
    });
  });
});

describe('syntax errors are located and coded', () => {
  const cases: readonly {
    readonly name: string;
    readonly text: string;
    readonly code: IngestIssue['code'];
    readonly line: number;
    readonly column?: number;
  }[] = [
    {
      name: 'duplicate key',
      text: 'a: 1\nb: 2\na: 3\n',
      code: 'YAML_DUPLICATE_KEY',
      line: 3,
      column: 1,
    },
    {
      name: 'duplicate nested key',
      text: 'a:\n  b: 1\n  c: 2\n  b: 3\n',
      code: 'YAML_DUPLICATE_KEY',
      line: 4,
      column: 3,
    },
    {
      name: 'duplicate key in flow mapping',
      text: 'a: {x: 1, x: 2}\n',
      code: 'YAML_DUPLICATE_KEY',
      line: 1,
    },
    {
      name: 'tab used as indentation',
      text: 'a:\n\tb: 1\n',
      code: 'YAML_SYNTAX',
      line: 2,
      column: 1,
    },
    {
      name: 'unterminated double quote points at its start',
      text: 'a: 1\nb: "abc\nc: 2\n',
      code: 'YAML_SYNTAX',
      line: 2,
      column: 4,
    },
    {
      name: 'unterminated single quote',
      text: "a: 'abc\n",
      code: 'YAML_SYNTAX',
      line: 1,
      column: 4,
    },
    { name: 'unclosed flow sequence', text: 'a: [1, 2\n', code: 'YAML_SYNTAX', line: 1, column: 4 },
    { name: 'bad indentation', text: 'a:\n  b: 1\n c: 2\n', code: 'YAML_SYNTAX', line: 3 },
    { name: 'undefined alias', text: 'a: *nope\n', code: 'YAML_SYNTAX', line: 1 },
    { name: 'unknown explicit tag', text: 'a: !!python/object x\n', code: 'YAML_SYNTAX', line: 1 },
  ];
  for (const { name, text, code, line, column } of cases) {
    test(name, () => {
      const issue = only(parseYamlStream(text, 'bad.yaml').issues);
      assert.equal(issue.code, code);
      assert.equal(issue.file, 'bad.yaml');
      assert.equal(issue.line, line);
      if (column !== undefined) assert.equal(issue.column, column);
      assert.ok(issue.message.length > 0);
    });
  }
});

describe('hostile input is bounded and reported', () => {
  test('billion laughs (9 levels of 9 aliases) → YAML_ALIAS_LIMIT', () => {
    let text = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let level = 1; level <= 9; level += 1) {
      const previous = `*a${level - 1}`;
      text += `a${level}: &a${level} [${Array.from({ length: 9 }, () => previous).join(',')}]\n`;
    }
    const { documents, issues } = within(2000, () => parseYamlStream(text, 'bomb.yaml'));
    assert.deepEqual(documents, []);
    assert.equal(only(issues).code, 'YAML_ALIAS_LIMIT');
    assert.equal(only(issues).line, 1);
  });

  test('a recursive alias → YAML_ALIAS_LIMIT, not an endless walk', () => {
    const issue = only(within(2000, () => parseYamlStream('a: &a [*a]\n', 'cycle.yaml')).issues);
    assert.equal(issue.code, 'YAML_ALIAS_LIMIT');
  });

  test('anchors in an ordinary document are fine', () => {
    const { documents, issues } = parseYamlStream('p: &x {a: 1}\nq: *x\nr: [*x, *x]\n', 'ok.yaml');
    assert.deepEqual(issues, []);
    assert.deepEqual(documents[0]?.value, { p: { a: 1 }, q: { a: 1 }, r: [{ a: 1 }, { a: 1 }] });
  });

  const deep: readonly { readonly name: string; readonly text: () => string }[] = [
    {
      name: '10,000 nested flow sequences',
      text: () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    },
    {
      name: '10,000 nested flow mappings',
      text: () => `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`,
    },
    {
      name: '10,000 nested block mappings',
      text: () => Array.from({ length: 10_000 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n'),
    },
    {
      name: '10,000 nested block sequences',
      text: () =>
        Array.from({ length: 10_000 }, (_, depth) => `${' '.repeat(depth * 2)}-`).join('\n') + ' x',
    },
    {
      name: '10,000 nested JSON arrays',
      text: () => `${'['.repeat(10_000)}1${']'.repeat(10_000)}`,
    },
    {
      name: '10,000 nested JSON objects',
      text: () => `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
    },
  ];
  for (const { name, text } of deep) {
    test(`${name} → YAML_TOO_DEEP`, () => {
      const input = text();
      const { documents, issues } = within(2000, () => parseYamlStream(input, 'deep.yaml'));
      assert.deepEqual(documents, []);
      const issue = only(issues);
      assert.equal(issue.code, 'YAML_TOO_DEEP');
      assert.equal(issue.file, 'deep.yaml');
      assert.ok(issue.line !== undefined);
    });
  }

  test('nesting below the limit parses', () => {
    const depth = 200;
    const { documents, issues } = parseYamlStream(
      `${'['.repeat(depth)}${']'.repeat(depth)}`,
      'ok.yaml',
    );
    assert.deepEqual(issues, []);
    assert.equal(documents.length, 1);
  });

  test('deep values shared through aliases are measured after expansion', () => {
    // Each level wraps the previous one: shallow text, deep value.
    let text = 'l0: &l0 [x]\n';
    for (let level = 1; level <= YAML_LIMITS.maxDepth + 5; level += 1)
      text += `l${level}: &l${level} [*l${level - 1}]\n`;
    const issue = only(within(2000, () => parseYamlStream(text, 'chain.yaml')).issues);
    assert.equal(issue.code, 'YAML_TOO_DEEP');
  });

  test('a huge single-line file parses in bounded time', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {blob: ${'x'.repeat(8_000_000)}}\n`;
    const { resources, issues } = within(2000, () => parseYamlDocuments(text, 'big.yaml'));
    assert.deepEqual(issues, []);
    assert.equal(resources.length, 1);
  });

  test('a flow sequence with more nodes than the budget → YAML_ALIAS_LIMIT', () => {
    const items = YAML_LIMITS.maxNodes + 10;
    const yaml = `a: [${'1,'.repeat(items)}1]\n`;
    assert.equal(
      only(within(2000, () => parseYamlStream(yaml, 'wide.yaml')).issues).code,
      'YAML_ALIAS_LIMIT',
    );
    const json = `[${'1,'.repeat(items)}1]`;
    assert.equal(
      only(within(2000, () => parseYamlStream(json, 'wide.json')).issues).code,
      'YAML_ALIAS_LIMIT',
    );
  });

  test('checkBounds on plain values', () => {
    assert.equal(checkBounds({ a: [1, 2, { b: null }] }), undefined);
    assert.equal(checkBounds('scalar'), undefined);
    assert.equal(checkBounds([[[1]]], { maxDepth: 2, maxNodes: 100 })?.code, 'YAML_TOO_DEEP');
    assert.equal(checkBounds([1, 2, 3], { maxDepth: 10, maxNodes: 3 })?.code, 'YAML_ALIAS_LIMIT');
  });
});

describe('JSON input', () => {
  test('parses as one document with positions', () => {
    const text = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "j"}\n}\n';
    const { resources, issues } = parseYamlDocuments(text, 'pod.json');
    assert.deepEqual(issues, []);
    const origin = resources[0]?.origin;
    assert.ok(origin !== undefined);
    assert.equal(resources[0]?.name, 'j');
    assert.deepEqual(origin.position, { line: 1, column: 1 });
    assert.deepEqual(origin.sourceMap.locate(['metadata', 'name'])?.position, {
      line: 4,
      column: 16,
    });
  });

  test('invalid JSON falls back to the YAML parser for a located error', () => {
    const issue = only(parseYamlStream('{\n  "a": 1,\n  "b": [1, 2\n}\n', 'bad.json').issues);
    assert.equal(issue.code, 'YAML_SYNTAX');
    assert.equal(issue.file, 'bad.json');
    assert.ok(issue.line !== undefined && issue.line >= 3);
  });

  test('flow YAML that is not JSON still parses', () => {
    const { documents, issues } = parseYamlStream('{a: yes, b: 0755}\n', 'flow.yaml');
    assert.deepEqual(issues, []);
    assert.deepEqual(documents[0]?.value, { a: true, b: 493 });
  });
});

describe('parsing with and without position recording agrees', () => {
  test('same values, same issues', () => {
    const text = fixture('multi-doc-broken.yaml');
    const recorded = parseYamlStream(text, 'f.yaml');
    const plain = parseYamlStream(text, 'f.yaml', { recordPositions: false });
    assert.deepEqual(
      plain.documents.map((d) => [d.index, d.value, d.position]),
      recorded.documents.map((d) => [d.index, d.value, d.position]),
    );
    assert.deepEqual(
      plain.issues.map((i) => [i.code, i.line]),
      recorded.issues.map((i) => [i.code, i.line]),
    );
  });
});
