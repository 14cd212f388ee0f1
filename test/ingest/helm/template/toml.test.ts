/**
 * `toToml`, checked against what Helm v3.22.0 (BurntSushi/toml) printed for the same values; the
 * full chart case is in test/conformance/helm-charts.test.ts (files-demo chart).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromJsValue } from '../../../../src/ingest/helm/template/funcs/go-json.js';
import { toToml } from '../../../../src/ingest/helm/template/funcs/toml-emit.js';
import { render } from './render.js';

describe('toToml', () => {
  it('writes plain keys sorted, then tables indented, arrays of tables, floats as x.0', () => {
    const values = fromJsValue({
      zlast: 'end',
      replicas: 3,
      ratio: 0.25,
      nothing: null,
      'dotted.key': 'x',
      name: 'demo "app"',
      server: { tls: { enabled: false, ciphers: [] }, host: '0.0.0.0', empty: {} },
      backends: [
        { name: 'one', weight: 1 },
        { name: 'two', opts: { retries: 2 } },
      ],
    });
    assert.equal(
      toToml(values),
      [
        '"dotted.key" = "x"',
        'name = "demo \\"app\\""',
        'ratio = 0.25',
        'replicas = 3.0',
        'zlast = "end"',
        '',
        '[[backends]]',
        '  name = "one"',
        '  weight = 1.0',
        '',
        '[[backends]]',
        '  name = "two"',
        '  [backends.opts]',
        '    retries = 2.0',
        '',
        '[server]',
        '  host = "0.0.0.0"',
        '  [server.empty]',
        '  [server.tls]',
        '    ciphers = []',
        '    enabled = false',
        '',
      ].join('\n'),
    );
  });

  it('keeps template integers as integers and encodes a scalar as a bare value', () => {
    assert.equal(
      render('{{ toToml (dict "a" (dict "b" (dict "c" 1))) }}', {}),
      '[a]\n  [a.b]\n    c = 1\n',
    );
    assert.equal(render('{{ toToml "x" }}', {}), '"x"');
  });
});

describe('fromToml', () => {
  it('reads tables and arrays of tables, integers as integers and floats as float64', () => {
    const doc =
      'name = \\"api\\"\\nport = 8080\\nratio = 2.5\\n[tls]\\nenabled = true\\n[[peers]]\\nhost = \\"a\\"\\n[[peers]]\\nhost = \\"b\\"\\n';
    assert.equal(
      render(
        `{{ $t := fromToml "${doc}" }}{{ $t.name }} {{ $t.port }} {{ add $t.port 1 }} {{ $t.ratio }} {{ kindOf $t.ratio }} {{ $t.tls.enabled }} {{ range $t.peers }}{{ .host }}{{ end }}`,
        {},
      ),
      'api 8080 8081 2.5 float64 true ab',
    );
  });

  it('returns a map with only an Error key for a document that does not parse', () => {
    assert.match(render('{{ (fromToml "a = ").Error }}', {}), /^toml: line 1: /);
    assert.equal(render('{{ len (fromToml "a = ") }}', {}), '1');
  });

  it('gives an empty map for an empty document', () => {
    assert.equal(render('{{ len (fromToml "") }}', {}), '0');
  });
});
