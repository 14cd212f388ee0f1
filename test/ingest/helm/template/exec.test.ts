import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinFunctions } from '../../../../src/ingest/helm/template/builtins.js';
import { fn, str } from '../../../../src/ingest/helm/template/functions.js';
import { TemplateError } from '../../../../src/ingest/helm/template/template-error.js';
import {
  TemplateSet,
  helmTemplateOrder,
} from '../../../../src/ingest/helm/template/template-set.js';
import {
  GoObject,
  mapSet,
  newMap,
  type GoValue,
} from '../../../../src/ingest/helm/template/values.js';
import { errorCode, render, renderRaw } from './render.js';

const DATA = {
  name: 'web',
  n: 3,
  big: 1000000,
  list: [1, 'a', null, 2.5, true],
  m: { b: 2, a: 'x' },
  empty: [],
  em: {},
  s: '',
  nil: null,
};

describe('template execution', () => {
  const cases: [string, string, unknown?][] = [
    ['{{ .name }}', 'web'],
    ['[{{ .missing }}]', '[<no value>]'],
    ['[{{ .missing.deeper }}]', '[<no value>]'],
    ['{{ .big }} {{ .n }} {{ 3 }}', '1e+06 3 3'],
    ['{{ .list }}', '[1 a <nil> 2.5 true]'],
    ['{{ .m }}', 'map[a:x b:2]'],
    ['{{ .empty }} {{ .em }}', '[] map[]'],
    ['{{ range $i, $v := .list }}{{ $i }}{{ end }}', '01234'],
    ['{{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }}', 'a=x;b=2;'],
    ['{{ range .empty }}x{{ else }}none{{ end }}', 'none'],
    ['{{ range .missing }}x{{ else }}none{{ end }}', 'none'],
    ['{{ range 3 }}{{ . }}{{ end }}', '012'],
    ['{{ range .list }}{{ if eq (kindOf .) "string" }}{{ break }}{{ end }}{{ . }}{{ end }}', '1'],
    ['{{ range $i, $_ := .list }}{{ if lt $i 3 }}{{ continue }}{{ end }}{{ $i }}{{ end }}', '34'],
    ['{{ if .s }}t{{ else if .n }}n{{ else }}e{{ end }}', 'n'],
    ['{{ with .m }}{{ .a }}{{ end }}', 'x'],
    ['{{ with .missing }}x{{ else with .name }}{{ . }}{{ end }}', 'web'],
    ['{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}', '2'],
    ['{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ end }}{{ $x }}', '1'],
    ['{{ define "t2" }}<{{ . }}>{{ end }}{{ template "t2" .name }}', '<web>'],
    ['{{ block "b" .n }}[{{ . }}]{{ end }}', '[3]'],
    ['{{ and 1 0 2 }} {{ or 0 "" "z" }} {{ not .s }}', '0 z true'],
    ['{{ and .s (index .nil 1) }}', ''],
    ['{{ eq 1 2 3 1 }} {{ ne "a" "b" }} {{ lt 1.5 2.5 }} {{ ge "b" "a" }}', 'true true true true'],
    ['{{ len .list }} {{ len "héllo" }} {{ index .list 1 }} {{ index .m "a" }}', '5 6 a x'],
    [
      '{{ printf "%5.2f|%-4d|%q|%v|%x" 3.14159 42 "hi" .m "hi" }}',
      ' 3.14|42  |"hi"|map[a:x b:2]|6869',
    ],
    ['{{ print 1 2 "a" "b" 3 }}', '1 2ab3'],
    ['{{ html "<a>&" }} {{ js "a\'b" }} {{ urlquery "a b&c" }}', "&lt;a&gt;&amp; a\\'b a+b%26c"],
  ];
  for (const [src, want, data] of cases) {
    it(`renders ${src}`, () => {
      assert.equal(render(src, data ?? DATA), want);
    });
  }

  const failures: [string, string][] = [
    ['{{ .nil.x }}', 'nil pointer evaluating interface {}.x'],
    ['{{ .name.x }}', "can't evaluate field x in type string"],
    ['{{ eq .n 3 }}', 'incompatible types for comparison'],
    ['{{ lt true false }}', 'invalid type for comparison'],
    ['{{ index .list 9 }}', 'index out of range'],
    ['{{ len 3 }}', 'len of type int'],
    ['{{ upper 3 }}', 'expected string; found 3'],
    ['{{ upper .n }}', 'wrong type for value; expected string; got float64'],
    ['{{ indent .n "x" }}', 'wrong type for value; expected int; got float64'],
    ['{{ upper }}', 'wrong number of args for upper: want 1 got 0'],
    ['{{ template "nope" }}', 'no such template "nope"'],
    ['{{ nil }}', 'nil is not a command'],
    ['{{ .m 1 }}', 'm is not a method but has arguments'],
    ['{{ $x := 1 }}{{ $x 2 }}', "can't give argument to non-function $x"],
    ['{{ range .name }}{{ end }}', "range can't iterate over web"],
    ['{{ range $i, $v := 3 }}{{ end }}', "can't use 3 to iterate over more than one variable"],
    ['{{ fail "boom" }}', 'error calling fail: boom'],
  ];
  for (const [src, message] of failures) {
    it(`fails with TEMPLATE_EXEC: ${src}`, () => {
      assert.throws(
        () => render(src, DATA),
        (error: unknown) =>
          error instanceof TemplateError &&
          error.code === 'TEMPLATE_EXEC' &&
          error.message.includes(message),
      );
    });
  }

  it('locates execution errors at the failing action', () => {
    try {
      render('line one\n  {{ .nil.x }}', DATA);
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof TemplateError);
      assert.equal(error.line, 2);
      assert.match(error.message, /executing "t" at <\.nil\.x>/);
    }
  });

  it('honours missingkey modes like Go', () => {
    assert.equal(render('[{{ .missing }}]', {}, { missingKey: 'zero' }), '[<no value>]');
    assert.equal(
      render('[{{ .missing }}]', {}, { missingKey: 'zero', replaceNoValue: true }),
      '[]',
    );
    assert.equal(errorCode('{{ .missing }}', {}, { missingKey: 'error' }), 'TEMPLATE_EXEC');
    assert.equal(errorCode('{{ .missing.x }}', {}, { missingKey: 'zero' }), 'TEMPLATE_EXEC');
    assert.equal(render('{{ .missing.x }}', {}, { missingKey: 'default' }), '<no value>');
  });

  it('keeps Go ints and float64 values apart', () => {
    assert.equal(renderRaw('{{ .r }} {{ eq .r 3 }}', { r: 3n }), '3 true');
    assert.equal(
      render('{{ .r }} {{ .r | int }} {{ printf "%d" .r }}', { r: 1000000 }),
      '1e+06 1000000 %!d(float64=1e+06)',
    );
  });

  it('stops runaway recursion at the depth limit', () => {
    const src = '{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" 1 }}';
    assert.throws(
      () => render(src, {}, { maxDepth: 50 }),
      /exceeded maximum template depth \(50\)/,
    );
    // deeper than the JS stack allows: still a clean, typed error
    assert.throws(
      () => render('{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" 1 }}'),
      (e: unknown) =>
        e instanceof TemplateError && /maximum template depth|too deep/.test(e.message),
    );
  });

  it('stops long loops at the step budget', () => {
    assert.throws(
      () => render('{{ range 100000000 }}{{ . }}{{ end }}', {}, { maxSteps: 10_000 }),
      (error: unknown) => error instanceof TemplateError && /step budget/.test(error.message),
    );
    assert.throws(
      () => render('{{ range $i := until 5000000 }}{{ end }}', {}, { maxSteps: 1000 }),
      /step budget/,
    );
  });

  it('stops output growth at the output limit', () => {
    assert.throws(
      () => render('{{ range 100 }}{{ repeat 1000 "x" }}{{ end }}', {}, { maxOutput: 10_000 }),
      /output exceeded/,
    );
  });

  it('is deterministic, with injectable randomness and clock', () => {
    const src = '{{ randAlphaNum 12 }} {{ uuidv4 }} {{ now | date "2006-01-02T15:04" }}';
    assert.equal(render(src), render(src));
    const fixed = { random: () => 0, now: () => Date.UTC(2024, 1, 3, 4, 5), timeZone: 'UTC' };
    assert.equal(
      render(src, {}, { environment: fixed }),
      'AAAAAAAAAAAA 00000000-0000-4000-8000-000000000000 2024-02-03T04:05',
    );
  });

  it('lets callers register functions before parsing, as Go requires', () => {
    const set = new TemplateSet(builtinFunctions).registerFunctions({
      shout: fn(['string'], ([s]) => `${str(s)}!`),
    });
    set.addFile('t', '{{ shout "hi" }}');
    assert.equal(set.execute('t', null), 'hi!');
    assert.throws(
      () => new TemplateSet(builtinFunctions).addFile('t', '{{ shout "x" }}'),
      /function "shout" not defined/,
    );
  });

  it('runs tpl and include through the shared define namespace', () => {
    const files = { '_h.tpl': '{{ define "h" }}<{{ . }}>{{ end }}' };
    assert.equal(render('{{ include "h" "x" | upper }}', {}, {}, files), '<X>');
    assert.equal(
      render('{{ tpl "{{ define \\"i\\" }}I{{ end }}{{ include \\"i\\" . }}{{ .v }}" . }}', {
        v: 1,
      }),
      'I1',
    );
    assert.equal(render('[{{ tpl "{{ .nope }}" . }}]'), '[]');
  });

  it('orders chart templates like Helm (deeper first, reverse lexical)', () => {
    assert.deepEqual(
      helmTemplateOrder([
        't/templates/a.yaml',
        't/templates/b.yaml',
        't/charts/c/templates/x.yaml',
      ]),
      ['t/charts/c/templates/x.yaml', 't/templates/b.yaml', 't/templates/a.yaml'],
    );
  });

  it('rejects an unknown template name at the API boundary', () => {
    const set = new TemplateSet(builtinFunctions);
    assert.throws(
      () => set.execute('missing', null),
      (e: unknown) => e instanceof TemplateError && e.code === 'TEMPLATE_EXEC',
    );
  });

  it('treats hostile data keys as plain data', () => {
    assert.equal(
      render(
        '{{ .__proto__ }}|{{ .constructor }}|{{ index . "toString" }}',
        JSON.parse('{"__proto__": "p"}'),
      ),
      'p|<no value>|<no value>',
    );
  });
});

describe('Go objects with methods (as the chart renderer provides .Files, .Capabilities)', () => {
  class Files extends GoObject {
    readonly goType = 'engine.files';
    field(name: string): GoValue {
      if (name === 'Get') return (path: GoValue) => (path === 'a.txt' ? 'content' : '');
      if (name === 'Count') return 2n;
      if (name === 'Fail') {
        return () => {
          throw new Error('no such file');
        };
      }
      return undefined;
    }
    toGoString(): string {
      return 'files';
    }
  }
  const data: GoValue = newMap();
  mapSet(data, 'Files', new Files());

  it('calls methods with arguments and piped values', () => {
    assert.equal(
      renderRaw(
        '{{ .Files.Get "a.txt" }}|{{ "a.txt" | .Files.Get | upper }}|{{ .Files.Count }}',
        data,
      ),
      'content|CONTENT|2',
    );
  });

  it('reports method failures and unknown members as execution errors', () => {
    assert.throws(() => renderRaw('{{ .Files.Fail }}', data), /error calling Fail: no such file/);
    assert.throws(
      () => renderRaw('{{ .Files.Nope }}', data),
      /can't evaluate field Nope in type engine.files/,
    );
    assert.throws(() => renderRaw('{{ .Files.Count 1 }}', data), /cannot be invoked/);
  });
});
