import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  cutText,
  escapeHtml,
  htmlLines,
  htmlText,
  jsonForScript,
} from '../../src/report/formatters/html-escape.js';
import { EVIDENCE_CHARS } from '../../src/report/formatters/html-findings.js';
import { SCRIPT } from '../../src/report/formatters/html-script.js';
import { html } from '../../src/report/formatters/html.js';
import type { FormatContext } from '../../src/report/formatters/types.js';
import type { ReportFinding, ScanReport } from '../../src/report/scan-report.js';
import {
  ATTRIBUTE_PAYLOAD,
  bulkReport,
  CLOSE_SCRIPT_PAYLOAD,
  hostileReport,
  SCRIPT_PAYLOAD,
} from './html-fixtures.js';
import { cleanReport, errorsOnlyReport, LONG_VALUE, sampleReport } from './sample-report.js';

const ctx: FormatContext = { color: false, width: 100 };

/** Every tag this formatter writes; anything else came from the report's text. */
const TAGS = new Set(
  (
    'html head meta title link style body header div h1 h2 h3 p span dl dt dd ul li nav a main ' +
    'section figure svg desc g text rect form label input fieldset legend select option button ' +
    'table thead tbody tr th td code pre details summary time strong b footer script'
  ).split(' '),
);
const ATTRIBUTES = new Set(
  (
    'lang charset http-equiv content name rel href id class role aria-label aria-labelledby ' +
    'aria-live viewBox width height x y rx fill datetime hidden type value checked ' +
    'placeholder autocomplete scope title data-search data-severity data-status data-control ' +
    'data-count-severity data-count-status'
  ).split(' '),
);

function render(report: ScanReport, context: FormatContext = ctx): string {
  return html(report, context);
}

/** Each start tag's name and attribute names, read with the same rules a browser uses. */
function startTags(output: string): { name: string; attributes: string[] }[] {
  const tags: { name: string; attributes: string[] }[] = [];
  // Skip the bodies of raw-text elements: their content is not markup.
  const markup = output.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/g, '$1$3');
  for (const match of markup.matchAll(/<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const attributes = [
      ...(match[2] ?? '').matchAll(/([^\s"'=<>/]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?/g),
    ].map((attribute) => attribute[1] ?? '');
    tags.push({ name: (match[1] ?? '').toLowerCase(), attributes });
  }
  return tags;
}

function between(output: string, start: string, end: string): string {
  const from = output.indexOf(start);
  assert.ok(from >= 0, `missing ${start}`);
  const to = output.indexOf(end, from + start.length);
  assert.ok(to >= 0, `missing ${end} after ${start}`);
  return output.slice(from + start.length, to);
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

describe('html escaping helpers', () => {
  const cases: [string, string, string][] = [
    ['markup', '<b>&</b>', '&lt;b&gt;&amp;&lt;/b&gt;'],
    ['quotes', `"a" 'b'`, '&quot;a&quot; &#39;b&#39;'],
    ['entity stays text', '&amp;', '&amp;amp;'],
    ['plain', 'nginx:1.27', 'nginx:1.27'],
    ['empty', '', ''],
  ];
  for (const [name, input, expected] of cases) {
    it(`escapeHtml: ${name}`, () => {
      assert.equal(escapeHtml(input), expected);
    });
  }

  it('htmlText shows escape sequences and bidi overrides visibly', () => {
    assert.equal(htmlText('a\x1b[2Jb'), 'a\\x1b[2Jb');
    assert.equal(htmlText('safe\u202Eexe'), 'safe\\u202eexe');
    assert.equal(htmlText('<日本語 🚀>'), '&lt;日本語 🚀&gt;');
  });

  it('htmlLines keeps line breaks and shows carriage returns', () => {
    assert.equal(htmlLines('a\r\n<b>'), 'a\\r\n&lt;b&gt;');
  });

  it('jsonForScript cannot close the element and parses back to the same value', () => {
    const value = {
      close: CLOSE_SCRIPT_PAYLOAD,
      amp: 'a & b > c',
      separators: 'line\u2028para\u2029',
      lone: '\ud800',
      nested: [SCRIPT_PAYLOAD, { x: ATTRIBUTE_PAYLOAD }],
    };
    const json = jsonForScript(value);
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(json), value);
  });

  it('cutText never splits a surrogate pair and counts code points', () => {
    assert.deepEqual(cutText('🔥🔥🔥', 2), { text: '🔥🔥', cut: true, length: 3 });
    assert.deepEqual(cutText('abc', 3), { text: 'abc', cut: false, length: 3 });
    assert.equal(cutText('', 0).cut, false);
  });
});

describe('html formatter: hostile text never becomes markup', () => {
  const output = render(hostileReport());

  it('writes only its own tags and attributes', () => {
    const tags = startTags(output);
    assert.ok(tags.length > 100);
    for (const tag of tags) {
      assert.ok(TAGS.has(tag.name), `unexpected tag <${tag.name}>`);
      for (const attribute of tag.attributes) {
        assert.ok(ATTRIBUTES.has(attribute), `unexpected attribute ${attribute} on <${tag.name}>`);
      }
    }
  });

  it('has exactly two script elements: the JSON data and the report script', () => {
    assert.equal(output.match(/<script\b/gi)?.length, 2);
    assert.equal(output.match(/<\/script/gi)?.length, 2);
    assert.doesNotMatch(output, /<img\b/i);
  });

  it('shows every payload escaped', () => {
    assert.ok(output.includes(escapeHtml(SCRIPT_PAYLOAD)));
    assert.ok(output.includes(escapeHtml(ATTRIBUTE_PAYLOAD)));
    assert.ok(output.includes(escapeHtml(CLOSE_SCRIPT_PAYLOAD)));
  });

  it('embeds the filter data as JSON that parses back to the hostile labels', () => {
    const json = between(output, '<script type="application/json" id="cc-data">', '</script>');
    const data = JSON.parse(json) as { controls: { label: string }[]; frameworks: unknown[] };
    assert.ok(data.controls.some((control) => control.label.includes(CLOSE_SCRIPT_PAYLOAD)));
    assert.equal(data.frameworks.length, hostileReport().frameworks.length);
  });

  it('shows terminal escapes and bidi overrides in names and messages visibly', () => {
    const sample = render(sampleReport());
    assert.doesNotMatch(sample, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    assert.ok(sample.includes('Rule grants every verb \\x1b[2J\\x1b[31mpwned\\x1b[0m'));
    assert.ok(sample.includes('has no tag safe\\u202eexe.yaml'));
    assert.ok(sample.includes('Pod</span> prod/日本語-🚀'));
  });
});

describe('html formatter: Content-Security-Policy', () => {
  for (const [name, report] of [
    ['sample', sampleReport()],
    ['clean', cleanReport()],
    ['errors only', errorsOnlyReport()],
  ] as const) {
    it(`${name}: the policy allows exactly the inline script and style by hash`, () => {
      const output = render(report);
      const policy = between(output, '<meta http-equiv="Content-Security-Policy" content="', '"');
      const script = between(output, '<script>', '</script>');
      const style = between(output, '<style>', '</style>');
      assert.equal(script, SCRIPT);
      assert.ok(policy.includes(`script-src ${sha256(script)}`), policy);
      assert.ok(policy.includes(`style-src ${sha256(style)}`), policy);
      assert.ok(policy.startsWith("default-src 'none'"));
      assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|https?:|\*/);
    });
  }

  it('references nothing outside the page', () => {
    const output = render(sampleReport());
    const urls = [...output.matchAll(/\b(?:src|href|action|srcset)="([^"]*)"/g)].map((m) => m[1]);
    for (const url of urls) assert.match(url ?? '', /^(#[\w-]+|data:,)$/, `external URL ${url}`);
    assert.doesNotMatch(output, /https?:\/\//);
    assert.doesNotMatch(output, /@import|url\(/);
  });
});

describe('html formatter: content', () => {
  it('charts: accessible SVG with the failed counts per severity and every framework score', () => {
    const output = render(sampleReport());
    assert.equal(output.match(/<svg /g)?.length, 2);
    assert.equal(
      output.match(/role="img" aria-labelledby="cc-chart-\w+-title cc-chart-\w+-desc"/g)?.length,
      2,
    );
    const severity = between(output, '<svg class="chart" id="cc-chart-severity"', '</svg>');
    assert.ok(severity.includes('Failed findings: critical 1, high 1, medium 2, low 0, info 0.'));
    assert.ok(severity.includes('<title>Medium: 2 failed findings</title>'));
    const scores = between(output, '<svg class="chart" id="cc-chart-scores"', '</svg>');
    for (const text of ['72.4%', '0.0%', 'n/a', 'Overall: 41.7%', 'Nothing judged']) {
      assert.ok(scores.includes(text), text);
    }
  });

  it('lists every finding once, failed first and most severe first, with its remediation', () => {
    const report = sampleReport();
    const output = render(report);
    const rows = output.match(/<tr class="finding [^"]*"/g) ?? [];
    assert.equal(rows.length, report.findings.length);
    assert.deepEqual(rows.slice(0, 4), [
      '<tr class="finding sev-critical st-failed"',
      '<tr class="finding sev-high st-failed"',
      '<tr class="finding sev-medium st-failed"',
      '<tr class="finding sev-medium st-failed"',
    ]);
    assert.ok(output.includes('<code data-search>deploy/web.yaml:24:13</code>'));
    assert.ok(output.includes('spec.template.spec.containers[0].securityContext.privileged'));
    assert.ok(output.includes('<summary>Remediation</summary>'));
    assert.ok(output.includes('Exception vendor-images:'));
    assert.ok(output.includes('<span class="badge badge-new">new</span>'));
  });

  it('cuts long evidence and says how long it was', () => {
    const output = render(sampleReport());
    const length = Array.from(LONG_VALUE).length;
    assert.ok(output.includes(`… cut: ${length.toLocaleString('en-US')} characters in full`));
    assert.ok(output.includes('A'.repeat(EVIDENCE_CHARS)));
    assert.ok(!output.includes('A'.repeat(EVIDENCE_CHARS + 1)));
  });

  it('lists errors, skipped documents and skipped controls with their reasons', () => {
    const output = render(sampleReport());
    assert.ok(output.includes('<section id="errors"'));
    assert.ok(output.includes('<code>deploy/broken.yaml:3:7</code>'));
    assert.ok(output.includes('<section id="skipped-documents"'));
    assert.ok(output.includes('<section id="skipped-controls"'));
    assert.ok(output.includes('needs a live cluster'));
    assert.ok(output.includes('the scan is incomplete (1 error)'));
  });

  it('a clean report has a passing verdict, no findings table and no filters', () => {
    const output = render(cleanReport());
    assert.ok(output.includes('verdict-pass'));
    assert.ok(output.includes('No failed controls (4 resources, 4 controls)'));
    assert.ok(output.includes('id="cc-findings-none"'));
    assert.ok(!output.includes('id="cc-findings"') && !output.includes('id="cc-filters"'));
    assert.ok(!output.includes('<section id="errors"'));
  });

  it('an errors-only report says nothing was scanned and lists both errors', () => {
    const output = render(errorsOnlyReport());
    assert.ok(output.includes('verdict-warn'));
    assert.ok(output.includes('Nothing was scanned'));
    assert.ok(
      output.includes('<code>YAML_SYNTAX</code>') && output.includes('<code>FILE_TOO_LARGE</code>'),
    );
    assert.ok(output.includes('<code>huge.yaml</code>'));
    assert.ok(!output.includes('<section id="controls"'));
  });

  it('shows paths under cwd relative to it and standard input as <stdin>', () => {
    const report = sampleReport({
      findings: [
        {
          ...sampleReport().findings[0]!,
          location: { file: '/repo/k8s/a.yaml', line: 2, column: 3 },
        },
      ],
    });
    const output = render(report, { ...ctx, cwd: '/repo' });
    assert.ok(output.includes('<code data-search>k8s/a.yaml:2:3</code>'));
    assert.ok(render(sampleReport()).includes('&lt;stdin&gt;:7:12'));
  });

  it('survives odd shapes: unknown resource and control, no location, empty path and evidence', () => {
    const odd: ReportFinding = {
      controlId: 'not-listed',
      resourceId: 'x/Unknown//ghost',
      status: 'error',
      severity: 'info',
      messageId: 'boom',
      message: '',
      path: [],
      evidence: '',
    };
    const output = render(
      sampleReport({
        findings: [odd],
        durationMs: Number.NaN,
        scannedAt: 'not a date',
        inputs: [],
      }),
    );
    assert.ok(output.includes('<span data-search>x/Unknown//ghost</span>'));
    assert.ok(output.includes('<span class="muted">(empty)</span>'));
    assert.ok(output.includes('<time datetime="not a date">not a date</time>'));
    assert.ok(output.includes('<dd>unknown</dd>'));
  });
});

describe('html formatter: determinism and size', () => {
  it('renders the same bytes twice and whatever the order of findings', () => {
    const report = sampleReport();
    const reversed = sampleReport({ findings: [...report.findings].reverse() });
    assert.equal(render(report), render(report));
    assert.equal(render(reversed), render(report));
  });

  it('renders 10,000 findings quickly and compactly', (t) => {
    const report = bulkReport(10_000, 500);
    const started = performance.now();
    const output = render(report);
    const ms = performance.now() - started;
    const mb = Buffer.byteLength(output, 'utf8') / 1024 / 1024;
    t.diagnostic(`10,000 findings: ${ms.toFixed(0)} ms, ${mb.toFixed(2)} MB`);
    assert.equal(output.match(/<tr class="finding /g)?.length, 10_000);
    // Generous bounds for a shared CI machine; the diagnostic has the real numbers.
    assert.ok(mb < 20, `${mb.toFixed(2)} MB`);
    assert.ok(ms < 10_000, `${ms.toFixed(0)} ms`);
  });
});
