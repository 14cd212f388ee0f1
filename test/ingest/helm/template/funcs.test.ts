import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { helmTemplateFunctions } from '../../../../src/ingest/helm/template/funcs/index.js';
import { TemplateError } from '../../../../src/ingest/helm/template/template-error.js';
import { render } from './render.js';

const V = {
  name: 'web',
  n: 3,
  f: 1.5,
  items: ['z', 'b', 'a'],
  m: { b: 2, a: 'x' },
  nested: { a: { b: 'c' } },
};

type Row = readonly [template: string, expected: string];

function table(title: string, rows: readonly Row[]): void {
  describe(title, () => {
    for (const [template, expected] of rows) {
      it(template, () => {
        assert.equal(render(template, V), expected);
      });
    }
  });
}

function failing(title: string, rows: readonly string[]): void {
  describe(title, () => {
    for (const template of rows) {
      it(template, () => {
        assert.throws(
          () => render(template, V),
          (e: unknown) => e instanceof TemplateError && e.code === 'TEMPLATE_EXEC',
        );
      });
    }
  });
}

table('string functions', [
  [
    '{{ trim "  a  " }}|{{ trimAll "$" "$5$" }}|{{ trimPrefix "-" "--a" }}|{{ trimSuffix "-" "a-" }}',
    'a|5|-a|a',
  ],
  [
    '{{ upper "ab" }} {{ lower "AB" }} {{ title "hello world" }} {{ untitle "Hello World" }}',
    'AB ab Hello World hello world',
  ],
  ['{{ repeat 3 "ab" }} {{ substr 1 3 "hello" }} {{ nospace "a b c" }}', 'ababab el abc'],
  ['{{ trunc 3 "hello" }} {{ trunc -3 "hello" }} {{ trunc 10 "hi" }}', 'hel llo hi'],
  [
    '{{ abbrev 5 "hello world" }} {{ abbrevboth 5 10 "1234 5678 9123" }} {{ initials "First Try" }}',
    'he... ...5678... FT',
  ],
  ['{{ wrap 5 "hello world" }}|{{ wrapWith 5 "+" "Hello World" }}', 'hello\nworld|Hello+World'],
  [
    '{{ contains "at" "cat" }} {{ hasPrefix "c" "cat" }} {{ hasSuffix "x" "cat" }}',
    'true true false',
  ],
  ['{{ quote "a\\"b" 3 nil }} {{ squote "a" }} {{ cat "a" 1 nil "b" }}', '"a\\"b" "3" \'a\' a 1 b'],
  ['{{ indent 2 "a\\nb" }}|{{ nindent 2 "a" }}', '  a\n  b|\n  a'],
  [
    '{{ replace " " "-" "a b c" }} {{ plural "one" "many" 1 }} {{ plural "one" "many" 2 }}',
    'a-b-c one many',
  ],
  [
    '{{ snakecase "FirstName" }} {{ kebabcase "HTTPServer" }} {{ camelcase "http_server" }} {{ swapcase "Ab" }}',
    'first_name http-server HttpServer aB',
  ],
  [
    '{{ join "," .items }} {{ splitList "," "a,b" }} {{ (split "," "a,b")._1 }} {{ sortAlpha .items }}',
    'z,b,a [a b] b [a b z]',
  ],
  [
    '{{ toString 1.5 }} {{ toStrings (list 1 nil "a") }} {{ atoi "42" }} {{ atoi "x" }}',
    '1.5 [1 a] 42 0',
  ],
  ['{{ shuffle "" }}|{{ len (randAlphaNum 7) }}|{{ len (randNumeric 3) }}', '|7|3'],
]);

table('regex functions (Go RE2 syntax)', [
  [
    '{{ regexMatch "^[a-z]+$" "abc" }} {{ regexMatch "(?i)^ABC$" "abc" }} {{ regexMatch "[[:digit:]]" "a1" }}',
    'true true true',
  ],
  ['{{ regexFindAll "[0-9]+" "a1b22" -1 }} {{ regexFind "b+" "abbc" }}', '[1 22] bb'],
  [
    '{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }} {{ regexReplaceAll "a(x*)b" "-axb-" "$1W" }}',
    '-W-xxW- --',
  ],
  [
    '{{ regexReplaceAllLiteral "a" "aa" "$1" }} {{ regexSplit "z+" "pizza" -1 }} {{ regexQuoteMeta "a.b" }}',
    '$1$1 [pi a] a\\.b',
  ],
  [
    '{{ regexReplaceAll "(?P<first>\\\\w+) (?P<last>\\\\w+)" "John Smith" "${last}, ${first}" }}',
    'Smith, John',
  ],
  ['{{ regexMatch "a(?=b)" "ab" }}', 'false'],
]);
failing('regex errors', [
  '{{ regexFind "(" "a" }}',
  '{{ mustRegexMatch "a(?=b)" "ab" }}',
  '{{ regexFind "\\\\1" "a" }}',
]);

table('list functions', [
  [
    '{{ list 1 "a" nil }} {{ first .items }} {{ last .items }} {{ rest .items }} {{ initial .items }}',
    '[1 a <nil>] z a [b a] [z b]',
  ],
  [
    '{{ append .items "x" }} {{ prepend .items "x" }} {{ concat .items (list 1) }} {{ reverse .items }}',
    '[z b a x] [x z b a] [z b a 1] [a b z]',
  ],
  [
    '{{ uniq (list 1 1 2) }} {{ without .items "b" }} {{ has "b" .items }} {{ has "q" nil }}',
    '[1 2] [z a] true false',
  ],
  [
    '{{ slice .items 1 }} {{ chunk 2 (list 1 2 3) }} {{ compact (list 0 1 "" "a" nil) }}',
    '[b a] [[1 2] [3]] [1 a]',
  ],
  [
    '{{ until 3 }} {{ until -2 }} {{ untilStep 0 10 4 }} {{ seq 3 }} {{ seq 5 2 }}',
    '[0 1 2] [0 -1] [0 4 8] 1 2 3 5 4 3 2',
  ],
  ['[{{ first (list) }}] {{ rest (list) }}', '[<no value>] []'],
]);
failing('list errors', [
  '{{ first "abc" }}',
  '{{ concat 1 }}',
  '{{ slice .items 2 1 }}',
  '{{ chunk 0 .items }}',
]);

table('dict functions', [
  [
    '{{ dict "a" 1 "b" }} {{ get .m "a" }}[{{ get .m "zz" }}] {{ hasKey .m "b" }}',
    'map[a:1 b:] x[] true',
  ],
  ['{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $_ := unset $d "a" }}{{ $d }}', 'map[b:2]'],
  [
    '{{ keys .m }} {{ values .m }} {{ pick .m "a" }} {{ omit .m "a" }}',
    '[a b] [x 2] map[a:x] map[b:2]',
  ],
  [
    '{{ pluck "a" .m (dict "a" 9) (dict "c" 1) }} {{ dig "a" "b" "def" .nested }} {{ dig "a" "x" "def" .nested }}',
    '[x 9] c def',
  ],
  [
    '{{ merge (dict "a" 1 "n" (dict "x" 1)) (dict "a" 2 "n" (dict "y" 3)) }}',
    'map[a:1 n:map[x:1 y:3]]',
  ],
  ['{{ mergeOverwrite (dict "a" 1 "l" (list 1)) (dict "a" 2 "l" (list 2)) }}', 'map[a:2 l:[2]]'],
  ['{{ $c := deepCopy .m }}{{ $_ := set $c "a" "changed" }}{{ .m.a }}', 'x'],
]);
failing('dict errors', [
  '{{ dig "a" "x" }}',
  '{{ hasKey "notamap" "a" }}',
  '{{ mustDeepCopy nil }}',
]);

table('math and conversion functions', [
  [
    '{{ add 1 2 3 }} {{ add1 .n }} {{ sub 5 7 }} {{ div 7 2 }} {{ mod -7 3 }} {{ mul 2 3 4 }}',
    '6 4 -2 3 -1 24',
  ],
  [
    '{{ max 1 5 3 }} {{ min 4 2 8 }} {{ floor 1.7 }} {{ ceil 1.2 }} {{ round 3.14159 2 }}',
    '5 2 1 2 3.14',
  ],
  [
    '{{ addf 0.1 0.2 }} {{ subf 1.1 0.3 }} {{ mulf 1.1 3 }} {{ divf 10 3 }} {{ maxf 1 2.5 }}',
    '0.3 0.8 3.3 3.3333333333333335 2.5',
  ],
  [
    '{{ int "12" }} {{ int 3.9 }} {{ int64 "0x10" }} {{ int "abc" }} {{ float64 "1.5" }} {{ toDecimal "0777" }}',
    '12 3 16 0 1.5 511',
  ],
  ['{{ add 9223372036854775807 1 }}', '-9223372036854775808'],
]);
failing('math errors', ['{{ div 1 0 }}', '{{ mod 1 0 }}', '{{ divf 1 0 }}']);

table('defaults, types and flow', [
  [
    '{{ default "d" .missing }} {{ default "d" "" }} {{ default "d" 0 }} {{ default "d" "v" }}',
    'd d d v',
  ],
  [
    '{{ empty .missing }} {{ empty (dict) }} {{ empty "a" }} {{ coalesce .missing "" "x" }}',
    'true true false x',
  ],
  [
    '{{ all 1 "a" }} {{ any 0 "" }} {{ ternary "y" "n" true }} {{ deepEqual 1 1.0 }}',
    'true false y false',
  ],
  [
    '{{ typeOf 3 }} {{ typeOf 3.5 }} {{ typeOf .m }} {{ kindOf .items }} {{ kindIs "map" .m }} {{ typeIs "string" "x" }}',
    'int float64 map[string]interface {} slice true true',
  ],
]);

table('encoding and hashing', [
  [
    '{{ b64enc "hello" }} {{ b64dec "aGVsbG8=" }} {{ b64dec "!!" }}',
    'aGVsbG8= hello illegal base64 data at input byte 0',
  ],
  [
    '{{ b32enc "hello" }} {{ b32dec "NBSWY3DP" }} {{ adler32sum "abc" }}',
    'NBSWY3DP hello 38600999',
  ],
  ['{{ sha1sum "abc" }}', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
  [
    '{{ toJson .m }} {{ toJson "<&>" }} {{ toRawJson "<&>" }} {{ toJson 1e21 }}',
    '{"a":"x","b":2} "\\u003c\\u0026\\u003e" "<&>" 1e+21',
  ],
  ['{{ toPrettyJson (dict "a" (list 1)) }}', '{\n  "a": [\n    1\n  ]\n}'],
  [
    '{{ fromJson "{\\"a\\":[1,2.5]}" }} {{ hasKey (fromJson "bad") "Error" }} {{ fromJsonArray "[1]" }}',
    'map[a:[1 2.5]] true [1]',
  ],
]);

table('semver', [
  [
    '{{ semverCompare ">=1.19-0" "v1.28.3-gke.100" }} {{ semverCompare ">=1.19" "1.28.3-gke.100" }}',
    'true false',
  ],
  [
    '{{ semverCompare "^1.2.0" "1.9.9" }} {{ semverCompare "^1.2.0" "2.0.0" }} {{ semverCompare "~1.2.3" "1.3.0" }}',
    'true false false',
  ],
  [
    '{{ semverCompare "<1.20 || >=1.25" "1.26.0" }} {{ semverCompare "1.2 - 1.4" "1.4.9" }} {{ semverCompare "1.2.x" "1.2.7" }}',
    'true true true',
  ],
  [
    '{{ (semver "1.2.3-beta+b1").Major }} {{ (semver "v1.2").Minor }} {{ semver "1.2.3-rc.1" }}',
    '1 2 1.2.3-rc.1',
  ],
]);
failing('semver errors', [
  '{{ semverCompare ">= 1.2.3" "bad" }}',
  '{{ semverCompare "??" "1.0.0" }}',
  '{{ semver "x.y" }}',
]);

table('dates (fixed clock by default)', [
  [
    '{{ date "2006-01-02" 0 }} {{ dateInZone "2006-01-02T15:04:05Z07:00" 1700000000 "UTC" }}',
    '1970-01-01 2023-11-14T22:13:20Z',
  ],
  ['{{ duration "95" }} {{ durationRound "2h10m" }} {{ durationRound "400h" }}', '1m35s 2h 16d'],
  ['{{ now | unixEpoch }} {{ dateModify "1h" now | unixEpoch }}', '0 3600'],
]);

table('Helm functions', [
  ['{{ required "need" "v" }} {{ lookup "v1" "Pod" "ns" "x" }}', 'v map[]'],
  [
    '{{ (fromYaml "a: {b: [yes, 0755]}").a.b }} {{ fromYamlArray "- 1\\n- b" }}',
    '[true 493] [1 b]',
  ],
  [
    '{{ fromYaml "- a" }}',
    'map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}]',
  ],
  ['{{ toYaml .m }}', 'a: x\nb: 2'],
]);
failing('Helm function errors', [
  '{{ required "need x" .missing }}',
  '{{ required "need x" "" }}',
  '{{ include "nope" . }}',
  '{{ fail "stop" }}',
]);

describe('crypto placeholders keep offline renders going', () => {
  it('genCA exposes Cert and Key fields', () => {
    const out = render('{{ $ca := genCA "x" 365 }}{{ $ca.Cert | b64enc | len | lt 10 }}');
    assert.equal(out, 'true');
  });
});

describe('regex safety', () => {
  it('rejects nested unbounded repetition instead of backtracking for ever', () => {
    const started = Date.now();
    assert.throws(
      () =>
        render(
          '{{ regexMatch "(a+)+$" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!" | not }}'.replace(
            'regexMatch',
            'mustRegexMatch',
          ),
        ),
      /nested repetition/,
    );
    assert.ok(Date.now() - started < 1000);
    assert.equal(render('{{ regexMatch "^([a-z]+\\\\.)+[a-z]+$" "a.b.example" }}'), 'true');
  });
});

describe('registry completeness', () => {
  // sprig v3.3.0's function names (Helm removes env and expandenv)
  const SPRIG = `hello ago date date_in_zone date_modify dateInZone dateModify duration durationRound htmlDate
    htmlDateInZone must_date_modify mustDateModify mustToDate now toDate unixEpoch abbrev abbrevboth trunc trim
    upper lower title untitle substr repeat trimall trimAll trimSuffix trimPrefix nospace initials randAlphaNum
    randAlpha randAscii randNumeric swapcase shuffle snakecase camelcase kebabcase wrap wrapWith contains hasPrefix
    hasSuffix quote squote cat indent nindent replace plural sha1sum sha256sum sha512sum adler32sum toString atoi
    int64 int float64 seq toDecimal split splitList splitn toStrings until untilStep add1 add sub div mod mul randInt
    add1f addf subf divf mulf biggest max min maxf minf ceil floor round join sortAlpha default empty coalesce all
    any compact mustCompact fromJson toJson toPrettyJson toRawJson mustFromJson mustToJson mustToPrettyJson
    mustToRawJson ternary deepCopy mustDeepCopy typeOf typeIs typeIsLike kindOf kindIs deepEqual getHostByName base
    dir clean ext isAbs osBase osClean osDir osExt osIsAbs b64enc b64dec b32enc b32dec tuple list dict get set unset
    hasKey pluck keys pick omit merge mergeOverwrite mustMerge mustMergeOverwrite values append push mustAppend
    mustPush prepend mustPrepend first mustFirst rest mustRest last mustLast initial mustInitial reverse mustReverse
    uniq mustUniq without mustWithout has mustHas slice mustSlice concat dig chunk mustChunk bcrypt htpasswd
    genPrivateKey derivePassword buildCustomCert genCA genCAWithKey genSelfSignedCert genSelfSignedCertWithKey
    genSignedCert genSignedCertWithKey encryptAES decryptAES randBytes uuidv4 semver semverCompare fail regexMatch
    mustRegexMatch regexFindAll mustRegexFindAll regexFind mustRegexFind regexReplaceAll mustRegexReplaceAll
    regexReplaceAllLiteral mustRegexReplaceAllLiteral regexSplit mustRegexSplit regexQuoteMeta urlParse urlJoin`;
  const HELM =
    'toToml fromToml toYaml toYamlPretty fromYaml fromYamlArray toJson fromJson fromJsonArray include tpl required lookup';
  const GO =
    'and or not len index slice print printf println html js urlquery call eq ne lt le gt ge';

  it('registers every sprig, Helm and Go builtin function name', () => {
    const names = `${SPRIG} ${HELM} ${GO}`.split(/\s+/).filter((n) => n !== '');
    const missing = names.filter((n) => !Object.hasOwn(helmTemplateFunctions, n));
    assert.deepEqual(missing, []);
    assert.equal(Object.hasOwn(helmTemplateFunctions, 'env'), false);
    assert.equal(Object.hasOwn(helmTemplateFunctions, 'expandenv'), false);
  });

  it('joins URLs from parts', () => {
    assert.equal(
      render('{{ urlJoin (urlParse "https://u@h:1/p?q=1#f") }}'),
      'https://u@h:1/p?q=1#f',
    );
  });
});
