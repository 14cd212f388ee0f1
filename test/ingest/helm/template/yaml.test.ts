import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromJsValue } from '../../../../src/ingest/helm/template/funcs/go-json.js';
import { toGoYaml, yamlKeyLess } from '../../../../src/ingest/helm/template/funcs/yaml-emit.js';
import {
  chooseStyle,
  resolvesToNonString,
} from '../../../../src/ingest/helm/template/funcs/yaml-scalar.js';

const yaml = (value: unknown): string => toGoYaml(fromJsValue(value));

describe('toYaml scalar styles (go-yaml v2 rules)', () => {
  const rows: [string, string][] = [
    ['plain', 'plain'],
    ['yes', 'double'],
    ['on', 'double'],
    ['1.5', 'double'],
    ['0x1f', 'double'],
    ['012', 'double'],
    ['1e3', 'double'],
    ['2001-12-14', 'double'],
    ['1:20', 'double'],
    ['', 'double'],
    ['~', 'double'],
    ['x: y', 'single'],
    [' lead', 'single'],
    ['trail ', 'single'],
    ['#a', 'single'],
    ['a #b', 'single'],
    ['@x', 'single'],
    ['-a', 'plain'],
    ['- a', 'single'],
    ['a\tb', 'double'],
    ['a\nb', 'literal'],
    ['a \nb', 'double'],
    ['\u{1F642}', 'double'],
    ['héllo', 'plain'],
  ];
  for (const [text, style] of rows) {
    it(`${JSON.stringify(text)} is ${style}`, () => {
      assert.equal(chooseStyle(text, false), style);
    });
  }

  it('knows which plain scalars resolve to non-strings', () => {
    assert.equal(resolvesToNonString('True'), true);
    assert.equal(resolvesToNonString('Trueish'), false);
    assert.equal(resolvesToNonString('.5'), true);
    assert.equal(resolvesToNonString('.x'), false);
    assert.equal(resolvesToNonString('-0b101'), true);
  });
});

describe('toYaml documents', () => {
  it('writes nested maps and indentless sequences', () => {
    const out = yaml({ b: [1, { y: 2, x: [true, null] }], a: { c: {}, d: [] } });
    assert.equal(out, 'a:\n  c: {}\n  d: []\nb:\n- 1\n- x:\n  - true\n  - null\n  "y": 2\n');
  });

  it('writes numbers as they come back from JSON', () => {
    assert.equal(
      yaml({ a: 1000000, b: 1.5, c: 1e21, d: 1e-7, e: -0 }),
      'a: 1000000\nb: 1.5\nc: 1e+21\nd: 1e-07\ne: 0\n',
    );
  });

  it('writes literal blocks with chomping and indentation hints', () => {
    assert.equal(
      yaml({ a: 'x\nz', b: 'x\n', c: '\nlead', d: 'x\n\n' }),
      'a: |-\n  x\n  z\nb: |\n  x\nc: |2-\n\n  lead\nd: |+\n  x\n\n',
    );
  });

  it('folds long plain lines at 80 columns with a deeper continuation indent', () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${String(i)}`).join(' ');
    const out = yaml({ k: words });
    const lines = out.trimEnd().split('\n');
    assert.ok(lines.length > 1);
    assert.ok(lines.slice(1).every((l) => l.startsWith('  ') && !l.startsWith('   ')));
    assert.equal(lines.map((l) => l.trim()).join(' '), `k: ${words}`);
  });

  it('orders keys like go-yaml: natural numbers, letters after symbols', () => {
    const keys = ['k10', 'k9', 'A', 'a', '_', '1', '10', '2'];
    const sorted = [...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
    assert.deepEqual(sorted, ['_', '1', '2', '10', 'A', 'a', 'k9', 'k10']);
  });

  it('handles empty and scalar documents', () => {
    assert.equal(yaml(null), 'null\n');
    assert.equal(yaml([]), '[]\n');
    assert.equal(yaml('x: y'), "'x: y'\n");
  });
});
