import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinFunctions } from '../../../../src/ingest/helm/template/builtins.js';
import { parseTemplate } from '../../../../src/ingest/helm/template/parser.js';
import { TemplateError } from '../../../../src/ingest/helm/template/template-error.js';
import { parseTemplates } from '../../../../src/ingest/helm/template/template-set.js';
import { render } from './render.js';

const env = { hasFunction: (name: string) => Object.hasOwn(builtinFunctions, name) };

function parseError(src: string): TemplateError {
  try {
    parseTemplate('file.yaml', src, env);
  } catch (error) {
    assert.ok(error instanceof TemplateError, `expected TemplateError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(src)} to fail to parse`);
}

describe('template parser', () => {
  const invalid: { name: string; src: string; line: number; col: number }[] = [
    { name: 'unclosed action', src: 'a\n{{ .x', line: 2, col: 1 },
    { name: 'unclosed if', src: '{{ if .a }}\nx', line: 1, col: 4 },
    { name: 'stray end', src: 'x\n  {{ end }}', line: 2, col: 6 },
    { name: 'unknown function', src: '{{ nosuch 1 }}', line: 1, col: 4 },
    { name: 'undefined variable', src: '{{ $x }}', line: 1, col: 4 },
    { name: 'break outside range', src: '{{ break }}', line: 1, col: 4 },
    { name: 'bad escape', src: '{{ "\\q" }}', line: 1, col: 4 },
    { name: 'unterminated string', src: '{{ "abc }}', line: 1, col: 4 },
    { name: 'unterminated raw string', src: '{{ `abc }}', line: 1, col: 4 },
    { name: 'bad number', src: '{{ 1x }}', line: 1, col: 4 },
    { name: 'unclosed comment', src: '{{/* x', line: 1, col: 3 },
    { name: 'comment not closing action', src: '{{/* x */ 1 }}', line: 1, col: 10 },
    { name: 'non-executable pipeline stage', src: '{{ 1 | 2 }}', line: 1, col: 8 },
    { name: 'else with inside if', src: '{{ if 1 }}{{ else with 2 }}{{ end }}', line: 1, col: 14 },
    {
      name: 'define inside body',
      src: '{{ if 1 }}{{ define "x" }}{{ end }}{{ end }}',
      line: 1,
      col: 11,
    },
    { name: 'field on literal', src: '{{ "a".b }}', line: 1, col: 4 },
    { name: 'unexpected right paren', src: '{{ ) }}', line: 1, col: 4 },
    { name: 'two variables outside range', src: '{{ $a, $b := 1 }}', line: 1, col: 6 },
    { name: 'template name not a string', src: '{{ template x }}', line: 1, col: 13 },
    { name: 'empty action', src: '{{ }}', line: 1, col: 4 },
  ];
  for (const c of invalid) {
    it(`rejects: ${c.name}`, () => {
      const error = parseError(c.src);
      assert.equal(error.code, 'TEMPLATE_PARSE');
      assert.equal(error.templateName, 'file.yaml');
      assert.deepEqual([error.line, error.column], [c.line, c.col]);
      assert.match(error.message, /^template: file\.yaml:\d+:\d+: /);
    });
  }

  it('collects defines and blocks alongside the file body', () => {
    const defs = parseTemplate(
      'f',
      '{{ define "a" }}A{{ end }}{{ block "b" . }}B{{ end }}body',
      env,
    );
    assert.deepEqual(
      defs.map((d) => d.name),
      ['f', 'a', 'b'],
    );
  });

  it('marks whitespace-only bodies as empty so they do not override a definition', () => {
    const set = parseTemplates(
      {
        'a.tpl': '{{ define "x" }}A{{ end }}',
        'b.tpl': '{{ define "x" }}  {{ end }}',
        main: '{{ template "x" }}',
      },
      builtinFunctions,
    );
    assert.equal(set.execute('main', null), 'A');
    assert.deepEqual(set.names(), ['a.tpl', 'b.tpl', 'main', 'x']);
  });

  const literals: [string, string][] = [
    ['{{ "a\\tb" }}', 'a\tb'],
    ['{{ `raw\\n` }}', 'raw\\n'],
    ["{{ 'a' }}", '97'],
    ["{{ '\\n' }}", '10'],
    ['{{ 0x1F }} {{ 0o17 }} {{ 017 }} {{ 0b101 }} {{ 1_000 }}', '31 15 15 5 1000'],
    ['{{ 1e3 }} {{ 1.0 }} {{ 1.5e-7 }} {{ -0 }} {{ +5 }}', '1000 1 1.5e-07 0 5'],
    ['{{ true }} {{ false }}', 'true false'],
    ['{{ "\\u00e9\\x41\\101" }}', 'éAA'],
    ['{{ 9223372036854775807 }}', '9223372036854775807'],
  ];
  for (const [src, want] of literals) {
    it(`reads literal ${src}`, () => {
      assert.equal(render(src), want);
    });
  }

  it('trims whitespace around trim markers but not around negative numbers', () => {
    assert.equal(render('a \n {{- 1 -}} \n b'), 'a1b');
    assert.equal(render('a {{-3}} b'), 'a -3 b');
    assert.equal(render('a  {{- /* c */ -}}  b'), 'ab');
  });

  it('allows newlines inside actions', () => {
    assert.equal(render('{{ print\n 1\n 2 }}'), '1 2');
  });
});
