import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import {
  renderBlockEntry,
  renderFlow,
  renderJsonMember,
  renderScalar,
} from '../../src/fix/render-value.js';
import { parseYamlDocuments } from '../../src/ingest/yaml.js';

/** Reads a rendered value back with the scanner's own (YAML 1.1, kubectl) semantics. */
function readBack(text: string): unknown {
  const { resources } = parseYamlDocuments(
    `apiVersion: v1\nkind: X\nmetadata: {name: n}\nvalue: ${text}\n`,
    'x.yaml',
  );
  return resources[0]?.object['value'];
}

describe('renderScalar', () => {
  const ROUND_TRIPS: readonly unknown[] = [
    false,
    true,
    0,
    42,
    -7,
    1.5,
    null,
    'plain',
    'on',
    'off',
    'yes',
    'no',
    'y',
    'N',
    'null',
    'Null',
    '~',
    '',
    '0755',
    '1e3',
    '0x1F',
    '.inf',
    '-1',
    '+1',
    '12:30',
    'a: b',
    'a #b',
    '- x',
    '[x]',
    '{x}',
    '*alias',
    '&a',
    '!tag',
    '%d',
    '@x',
    '`x',
    "it's",
    'say "hi"',
    'line\nbreak',
    'tab\there',
    'ünïcode',
    ' lead',
    'trail ',
    'true ',
    '2001-12-14',
  ];
  for (const value of ROUND_TRIPS) {
    it(`reads ${JSON.stringify(value)} back unchanged in YAML 1.1`, () => {
      const text = renderScalar(value, 'yaml');
      assert.notEqual(text, undefined);
      assert.deepEqual(readBack(text ?? ''), value);
    });
  }

  it('keeps single quotes when the replaced scalar had them', () => {
    assert.equal(renderScalar("it's", 'yaml', 'single'), "'it''s'");
    // Single quotes cannot hold a line break escape, so it falls back to double quotes.
    assert.equal(renderScalar('a\nb', 'yaml', 'single'), '"a\\nb"');
    assert.equal(renderScalar('plain', 'yaml', 'double'), '"plain"');
  });

  const NO_FORM: readonly unknown[] = [
    Number.NaN,
    Number.POSITIVE_INFINITY,
    1e21,
    1e-7,
    undefined,
    Symbol('s'),
    () => 1,
    10n,
  ];
  for (const value of NO_FORM) {
    it(`has no text for ${typeof value} ${String(value)}`, () => {
      assert.equal(renderScalar(value, 'yaml'), undefined);
      assert.equal(renderScalar(value, 'json'), undefined);
    });
  }

  it('renders JSON strings with double quotes always', () => {
    assert.equal(renderScalar('plain', 'json'), '"plain"');
    assert.equal(renderScalar(false, 'json'), 'false');
  });
});

describe('renderFlow / renderBlockEntry / renderJsonMember', () => {
  it('renders nested values in flow style and reads back', () => {
    const value = { drop: ['ALL'], 'odd key': { on: 'yes' }, empty: {}, none: [] };
    const text = renderFlow(value, 'yaml') ?? '';
    assert.equal(text, '{drop: [ALL], "odd key": {"on": "yes"}, empty: {}, none: []}');
    assert.deepEqual(readBack(text), value);
    assert.deepEqual(JSON.parse(renderFlow(value, 'json') ?? ''), value);
  });

  it('refuses values with holes that have no text form', () => {
    assert.equal(renderFlow({ a: Number.NaN }, 'yaml'), undefined);
    assert.equal(renderFlow([1, undefined], 'json'), undefined);
    assert.equal(
      renderBlockEntry('k', { a: { b: Number.NaN } }, { indent: '', unit: '  ', eol: '\n' }),
      undefined,
    );
    assert.equal(
      renderJsonMember('k', { a: undefined }, { indent: '', unit: '  ', eol: '\n' }),
      undefined,
    );
  });

  it('nests non-empty mappings as block lines with the given layout', () => {
    const text = renderBlockEntry(
      'securityContext',
      { capabilities: { drop: ['ALL'] }, runAsNonRoot: true },
      { indent: '    ', unit: '   ', eol: '\r\n' },
    );
    assert.equal(
      text,
      '    securityContext:\r\n       capabilities:\r\n          drop: [ALL]\r\n       runAsNonRoot: true',
    );
    assert.deepEqual(parse(text), {
      securityContext: { capabilities: { drop: ['ALL'] }, runAsNonRoot: true },
    });
  });

  it('spreads JSON members over lines with the file indentation', () => {
    const text = renderJsonMember('a', { b: true }, { indent: '\t\t', unit: '\t', eol: '\n' });
    assert.equal(text, '\t\t"a": {\n\t\t\t"b": true\n\t\t}');
  });
});
