import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { junit } from '../../src/report/formatters/junit.js';
import type { FormatContext } from '../../src/report/formatters/types.js';
import { xmlAttr, xmlSafe, xmlText } from '../../src/report/formatters/xml-escape.js';
import type { ScanReport } from '../../src/report/scan-report.js';
import {
  cleanReport,
  errorsOnlyReport,
  LONG_VALUE,
  MARKUP_ATTACK,
  sampleReport,
} from './sample-report.js';
import { parseXml } from './xml-parse.js';

const ctx: FormatContext = { color: false, width: 80, cwd: '/repo' };

interface Failure {
  message: string;
  type: string;
  '#text'?: string;
}
interface TestCase {
  classname: string;
  name: string;
  failure?: Failure;
  error?: Failure;
  skipped?: { message: string };
  'system-out'?: string;
}
interface TestSuite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  testcase?: TestCase[];
  properties?: { property: { name: string; value: string }[] };
}
interface Parsed {
  testsuites: {
    tests: string;
    failures: string;
    errors: string;
    skipped: string;
    testsuite?: TestSuite[];
  };
}

function parse(report: ScanReport, context: FormatContext = ctx): Parsed['testsuites'] {
  const parsed = parseXml(junit(report, context), [
    'testsuite',
    'testcase',
    'property',
  ]) as unknown as Parsed;
  return parsed.testsuites;
}

function suite(root: Parsed['testsuites'], name: string): TestSuite {
  const found = root.testsuite?.find((s) => s.name === name);
  assert.ok(found, `no suite ${name}`);
  return found;
}

describe('xml escaping', () => {
  const cases: [string, string, string, string][] = [
    [
      'markup',
      '<a href="x">&</a>',
      '&lt;a href="x"&gt;&amp;&lt;/a&gt;',
      '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;',
    ],
    ['CDATA end', 'x]]>y', 'x]]&gt;y', 'x]]&gt;y'],
    ['ANSI escape', '\x1b[31mred', '\\x1b[31mred', '\\x1b[31mred'],
    ['C1 control and bell', '\x9b31m\x07', '\\x9b31m\\x07', '\\x9b31m\\x07'],
    ['whitespace', 'a\tb\r\nc', 'a\tb\r\nc', 'a&#9;b&#13;&#10;c'],
    ['lone surrogate', 'a\ud800b', 'a\\ud800b', 'a\\ud800b'],
    ['non-characters', '\ufffe\uffff', '\\ufffe\\uffff', '\\ufffe\\uffff'],
    ['emoji and CJK', '日本語 🔥', '日本語 🔥', '日本語 🔥'],
    ['quotes', `'"`, `'"`, '&apos;&quot;'],
  ];
  for (const [name, input, text, attr] of cases) {
    it(name, () => {
      assert.equal(xmlText(input), text);
      assert.equal(xmlAttr(input), attr);
    });
  }

  it('round-trips every escaped string through a real parser', () => {
    for (const [, input] of cases) {
      const xml = `<r a="${xmlAttr(input)}">${xmlText(input)}</r>`;
      const parsed = parseXml(xml, []) as { r: { a: string; '#text': string } };
      assert.equal(parsed.r.a, xmlSafe(input));
      assert.equal(
        parsed.r['#text'].replaceAll('\r\n', '\n'),
        xmlSafe(input).replaceAll('\r\n', '\n'),
      );
    }
  });
});

describe('junit formatter: by control', () => {
  it('has one suite per control with counts that match its test cases', () => {
    const root = parse(sampleReport());
    assert.deepEqual(
      root.testsuite?.map((s) => [s.name, s.tests, s.failures, s.errors, s.skipped]),
      [
        ['privileged-container', '2', '1', '0', '0'],
        ['image-tag', '3', '2', '0', '0'],
        ['wildcard-rbac', '1', '1', '0', '0'],
        ['node-kernel-params', '1', '0', '0', '1'],
        ['cubecape.inputs', '1', '0', '1', '0'],
      ],
    );
    for (const s of root.testsuite ?? []) {
      assert.equal(Number(s.tests), s.testcase?.length ?? 0, s.name);
      const failures = s.testcase?.filter((c) => c.failure !== undefined).length ?? 0;
      assert.equal(Number(s.failures), failures, s.name);
    }
    assert.deepEqual([root.tests, root.failures, root.errors, root.skipped], ['8', '4', '1', '1']);
  });

  it('names each case after the control and the resource, with the findings in the failure', () => {
    const root = parse(sampleReport());
    const privileged = suite(root, 'privileged-container');
    const failed = privileged.testcase?.[0];
    assert.equal(failed?.classname, 'privileged-container');
    assert.equal(failed.name, 'apps/Deployment/prod/web');
    assert.equal(failed.failure?.type, 'critical');
    assert.equal(failed.failure.message, 'Container "web" runs privileged.');
    const body = failed.failure['#text'] ?? '';
    assert.match(body, /at deploy\/web\.yaml:24:13/);
    assert.match(body, /path spec\.template\.spec\.containers\[0\]\.securityContext\.privileged/);
    assert.match(body, /found true/);
    assert.match(body, /fix Set securityContext\.privileged to false/);
    assert.equal(privileged.testcase?.[1]?.name, '1 other resource passed');
    assert.deepEqual(
      privileged.properties?.property.map((p) => [p.name, p.value]),
      [
        ['cubecape.passed', '1'],
        ['cubecape.failed', '1'],
        ['cubecape.excepted', '0'],
        ['cubecape.skipped', '0'],
        ['cubecape.error', '0'],
      ],
    );
  });

  it('keeps hostile text intact after parsing, with illegal characters made visible', () => {
    const root = parse(sampleReport());
    const imageTag = suite(root, 'image-tag');
    const web = imageTag.testcase?.find((c) => c.name === 'apps/Deployment/prod/web');
    assert.equal(
      web?.failure?.message,
      'Container "web" uses image tag <latest> & it is mutable ]]>',
    );
    const pod = imageTag.testcase?.find((c) => c.name === 'core/Pod/prod/日本語-🚀');
    assert.ok(pod?.failure?.['#text']?.includes(LONG_VALUE));
    assert.ok(pod?.failure?.['#text']?.includes('at deploy/pod <&>.yaml:9:14'));
    const rbac = suite(root, 'wildcard-rbac').testcase?.[0];
    assert.equal(rbac?.failure?.message, 'Rule grants every verb \\x1b[2J\\x1b[31mpwned\\x1b[0m');
    assert.ok(rbac.failure['#text']?.includes('at <stdin>:7:12'));
    const withMarkup = sampleReport({
      controls: sampleReport().controls.map((c) => ({ ...c, id: `${c.id}${MARKUP_ATTACK}` })),
    });
    assert.ok(
      parse(withMarkup).testsuite?.some((s) => s.name === `privileged-container${MARKUP_ATTACK}`),
    );
  });

  it('passes excepted cases, noting the exception, and skips skipped ones', () => {
    const root = parse(sampleReport());
    const service = suite(root, 'image-tag').testcase?.find(
      (c) => c.name === 'core/Service/prod/web',
    );
    assert.equal(service?.failure, undefined);
    assert.match(
      service?.['system-out'] ?? '',
      /excepted by vendor-images: Vendor ships only "latest" <sigh>/,
    );
    const kernel = suite(root, 'node-kernel-params').testcase?.[0];
    assert.equal(kernel?.skipped?.message, 'needs a live cluster');
  });

  it('fails a cubecape.inputs case per input error, and none for a clean scan', () => {
    const errors = suite(parse(errorsOnlyReport()), 'cubecape.inputs');
    assert.deepEqual(
      errors.testcase?.map((c) => [c.name, c.error?.type]),
      [
        ['broken.yaml:4 YAML_SYNTAX', 'YAML_SYNTAX'],
        ['huge.yaml FILE_TOO_LARGE', 'FILE_TOO_LARGE'],
      ],
    );
    const clean = parse(cleanReport());
    assert.equal(clean.failures, '0');
    assert.equal(clean.errors, '0');
    assert.ok(
      clean.testsuite?.every((s) => s.testcase?.length === 1 && s.name !== 'cubecape.inputs'),
    );
  });

  it('writes an empty but valid document when nothing ran', () => {
    const root = parse(sampleReport({ controls: [], findings: [], resources: [], errors: [] }));
    assert.equal(root.tests, '0');
    assert.equal(root.testsuite, undefined);
  });

  it('is deterministic', () => {
    assert.equal(junit(sampleReport(), ctx), junit(sampleReport(), ctx));
  });
});

describe('junit formatter: by resource', () => {
  const byResource: FormatContext = { ...ctx, junitBy: 'resource' };

  it('has one suite per resource, a case per control with findings and one for the rest', () => {
    const root = parse(sampleReport(), byResource);
    assert.deepEqual(
      root.testsuite?.map((s) => [s.name, s.tests, s.failures, s.skipped]),
      [
        ['apps/Deployment/prod/web', '4', '2', '1'],
        ['core/Pod/prod/日本語-🚀', '2', '1', '0'],
        ['rbac.authorization.k8s.io/ClusterRole//admin', '2', '1', '0'],
        ['core/Service/prod/web', '2', '0', '0'],
        ['cubecape.inputs', '1', '0', '0'],
      ],
    );
    const web = suite(root, 'apps/Deployment/prod/web');
    assert.deepEqual(
      web.testcase?.map((c) => [c.classname, c.name]),
      [
        ['apps/Deployment/prod/web', 'privileged-container'],
        ['apps/Deployment/prod/web', 'image-tag'],
        ['apps/Deployment/prod/web', 'node-kernel-params'],
        ['apps/Deployment/prod/web', 'every other applicable control passed'],
      ],
    );
  });
});
