import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FINGERPRINT_KEY, sarif } from '../../src/report/formatters/sarif.js';
import type { FormatContext } from '../../src/report/formatters/types.js';
import type { ReportFinding, ScanReport } from '../../src/report/scan-report.js';
import {
  ANSI_ATTACK,
  cleanReport,
  errorsOnlyReport,
  LONG_VALUE,
  sampleReport,
} from './sample-report.js';
import { SARIF_CORPUS, sarifValidator } from './sarif-schema.js';

const ctx: FormatContext = { color: false, width: 80, cwd: '/repo' };
const validate = sarifValidator();

interface Result {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation?: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region?: { startLine: number; startColumn?: number };
    };
    logicalLocations: { name: string; fullyQualifiedName: string; kind: string }[];
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification?: string }[];
  properties: Record<string, unknown>;
}

interface Rule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  properties: { tags: string[]; 'security-severity': string; precision: string };
}

interface Run {
  tool: { driver: { name: string; version: string; rules: Rule[] } };
  invocations: {
    executionSuccessful: boolean;
    toolExecutionNotifications?: {
      level: string;
      message: { text: string };
      descriptor: { id: string };
      locations?: unknown[];
    }[];
  }[];
  originalUriBaseIds?: Record<string, { uri: string }>;
  results: Result[];
}

function runOf(report: ScanReport, context: FormatContext = ctx): Run {
  const log = JSON.parse(sarif(report, context)) as { runs: Run[] };
  assert.equal(log.runs.length, 1);
  return log.runs[0]!;
}

describe('sarif formatter: schema', () => {
  it('accepts the SARIF tutorial samples, so the validator itself is set up right', () => {
    const samples = [
      '1-Introduction/simple-example.sarif',
      '2-Basics/empty-log.sarif.json',
      'Suppressions.sarif',
      'OriginalUriBaseIds.sarif',
      'Notifications.sarif',
      'RuleMetadata.sarif',
    ];
    for (const sample of samples) {
      const log: unknown = JSON.parse(
        readFileSync(join(SARIF_CORPUS, 'tutorial-samples', 'samples', sample), 'utf8'),
      );
      assert.deepEqual(validate(log), [], sample);
    }
  });

  it('rejects a log that breaks the schema, so a pass means something', () => {
    const broken = JSON.parse(sarif(sampleReport(), ctx)) as { runs: { results: unknown[] }[] };
    broken.runs[0]!.results.push({ level: 'fatal', message: {} });
    assert.notDeepEqual(validate(broken), []);
  });

  const cases: [string, ScanReport, FormatContext][] = [
    ['the hostile sample', sampleReport(), ctx],
    ['the sample without a cwd', sampleReport(), { color: false, width: 80 }],
    ['a clean report', cleanReport(), ctx],
    ['a report with only errors', errorsOnlyReport(), ctx],
    [
      'an empty report',
      sampleReport({ controls: [], findings: [], resources: [], errors: [] }),
      ctx,
    ],
  ];
  for (const [name, report, context] of cases) {
    it(`validates against the SARIF 2.1.0 schema: ${name}`, () => {
      assert.deepEqual(validate(JSON.parse(sarif(report, context))), []);
    });
  }
});

describe('sarif formatter: content', () => {
  it('describes every control as a rule with GitHub metadata', () => {
    const { tool } = runOf(sampleReport());
    assert.equal(tool.driver.name, 'cubecape');
    assert.equal(tool.driver.version, '0.1.0');
    assert.deepEqual(
      tool.driver.rules.map((rule) => rule.id),
      ['privileged-container', 'image-tag', 'wildcard-rbac', 'node-kernel-params'],
    );
    const [privileged, imageTag, wildcard, kernel] = tool.driver.rules;
    assert.equal(privileged?.properties['security-severity'], '9.5');
    assert.equal(wildcard?.properties['security-severity'], '7.5');
    assert.equal(imageTag?.properties['security-severity'], '5.5');
    assert.equal(kernel?.properties['security-severity'], '3.0');
    assert.deepEqual(privileged.properties.tags, [
      'security',
      'kubernetes',
      'nsa-cisa',
      'pss-baseline',
    ]);
    assert.equal(privileged.helpUri, 'https://cubecape.io/controls/privileged-container');
    assert.equal(imageTag.shortDescription.text, `Image without a pinned tag <latest> & "friends"`);
    assert.match(privileged.help.text, /Remediation: Set securityContext\.privileged/);
    assert.ok(privileged.help.markdown.includes('**Remediation**'));
  });

  it('reports failed and excepted findings, not skipped ones, most severe first', () => {
    const { results } = runOf(sampleReport());
    assert.deepEqual(
      results.map((result) => [result.ruleId, result.level, result.suppressions !== undefined]),
      [
        ['privileged-container', 'error', false],
        ['wildcard-rbac', 'error', false],
        ['image-tag', 'warning', false],
        ['image-tag', 'warning', false],
        ['image-tag', 'warning', true],
      ],
    );
    const excepted = results.at(-1);
    assert.equal(excepted?.suppressions?.[0]?.kind, 'external');
    assert.match(
      excepted.suppressions[0].justification ?? '',
      /vendor-images: Vendor ships only "latest" <sigh> & we track it \[team-platform, OPS-1234\] \(until 2025-12-31\)/,
    );
    for (const result of results) assert.equal(result.ruleIndex !== undefined, true);
  });

  it("gives failed results their control's remediation and excepted ones none", () => {
    const report = sampleReport();
    const { results } = runOf(report);
    const remediationOf = (id: string) => report.controls.find((c) => c.id === id)?.remediation;
    assert.deepEqual(
      results.map((result) => result.properties['remediation']),
      [
        remediationOf('privileged-container'),
        remediationOf('wildcard-rbac'),
        remediationOf('image-tag'),
        remediationOf('image-tag'),
        undefined,
      ],
    );
    assert.notEqual(remediationOf('image-tag'), undefined);
  });

  it('points at files relative to cwd under %SRCROOT%, with line and column', () => {
    const run = runOf(sampleReport());
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///repo/' } });
    const first = run.results[0]?.locations[0];
    assert.deepEqual(first?.physicalLocation, {
      artifactLocation: { uri: 'deploy/web.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 24, startColumn: 13 },
    });
    assert.deepEqual(first.logicalLocations[0], {
      name: 'web',
      fullyQualifiedName: 'apps/Deployment/prod/web',
      kind: 'resource',
      properties: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'prod' },
    });
    const pod = run.results.find((result) => result.message.text.includes('日本語'));
    assert.equal(
      pod?.locations[0]?.physicalLocation?.artifactLocation.uri,
      'deploy/pod%20%3C%26%3E.yaml',
    );
  });

  it('makes absolute paths under cwd relative and leaves stdin without a physical location', () => {
    const base = sampleReport();
    const report = sampleReport({
      findings: base.findings.map((finding) =>
        finding.location === undefined || finding.location.file !== 'deploy/web.yaml'
          ? finding
          : { ...finding, location: { ...finding.location, file: '/repo/deploy/web.yaml' } },
      ),
    });
    const { results } = runOf(report);
    assert.equal(
      results[0]?.locations[0]?.physicalLocation?.artifactLocation.uri,
      'deploy/web.yaml',
    );
    const stdin = results.find((result) => result.ruleId === 'wildcard-rbac');
    assert.equal(stdin?.locations[0]?.physicalLocation, undefined);
    assert.equal(
      stdin?.locations[0]?.logicalLocations[0]?.fullyQualifiedName,
      'rbac.authorization.k8s.io/ClusterRole//admin',
    );
  });

  it('keeps hostile text intact inside JSON strings', () => {
    const output = sarif(sampleReport(), ctx);
    assert.ok(!output.includes('\x1b'));
    const { results } = runOf(sampleReport());
    const wildcard = results.find((result) => result.ruleId === 'wildcard-rbac');
    assert.equal(wildcard?.message.text, `Rule grants every verb ${ANSI_ATTACK}`);
    const pod = results.find((result) => result.properties['evidence'] === LONG_VALUE);
    assert.ok(pod !== undefined);
  });

  it('records input errors as notifications and marks the run unsuccessful', () => {
    const run = runOf(errorsOnlyReport());
    const invocation = run.invocations[0];
    assert.equal(invocation?.executionSuccessful, false);
    assert.deepEqual(
      invocation.toolExecutionNotifications?.map((n) => [
        n.level,
        n.descriptor.id,
        n.locations?.length,
      ]),
      [
        ['error', 'YAML_SYNTAX', 1],
        ['error', 'FILE_TOO_LARGE', 1],
      ],
    );
    const clean = runOf(cleanReport()).invocations[0];
    assert.equal(clean?.executionSuccessful, true);
    assert.equal(clean.toolExecutionNotifications, undefined);
    const warningsOnly = sampleReport({
      errors: sampleReport().errors.filter((e) => e.severity === 'warning'),
    });
    assert.equal(runOf(warningsOnly).invocations[0]?.executionSuccessful, true);
  });

  it('is deterministic', () => {
    assert.equal(sarif(sampleReport(), ctx), sarif(sampleReport(), ctx));
  });
});

describe('sarif formatter: fingerprints', () => {
  const fingerprints = (report: ScanReport): string[] =>
    runOf(report).results.map((result) => result.partialFingerprints[FINGERPRINT_KEY] ?? '');

  const moved = (offset: number): ScanReport => {
    const base = sampleReport();
    return sampleReport({
      findings: base.findings.map((finding): ReportFinding =>
        finding.location === undefined
          ? finding
          : { ...finding, location: { ...finding.location, line: finding.location.line + offset } },
      ),
    });
  };

  it('are 64 hex digits and unique per result', () => {
    const prints = fingerprints(sampleReport());
    for (const print of prints) assert.match(print, /^[0-9a-f]{64}$/);
    assert.equal(new Set(prints).size, prints.length);
  });

  it('do not change when lines move', () => {
    assert.deepEqual(fingerprints(moved(10)), fingerprints(sampleReport()));
  });

  it('ignore the @file#document suffix of a colliding resource id but tell files apart', () => {
    const base = sampleReport();
    const finding = base.findings[1]!;
    const copy = {
      ...base.resources[0]!,
      id: 'apps/Deployment/prod/web@deploy/copy.yaml#2',
      source: { file: 'deploy/copy.yaml', line: 1, column: 1, documentIndex: 2 },
    };
    const inCopy: ReportFinding = {
      ...finding,
      resourceId: copy.id,
      location: { file: 'deploy/copy.yaml', line: 24, column: 13 },
    };
    const report = sampleReport({
      resources: [...base.resources, copy],
      findings: [finding, inCopy],
    });
    // Sorted by file: deploy/copy.yaml comes before deploy/web.yaml.
    const [duplicate, original] = fingerprints(report);
    assert.notEqual(original, duplicate);
    assert.deepEqual(fingerprints(sampleReport({ findings: [finding] })), [original]);
    // Later scans may order inputs differently: the copy keeps its print without the suffix.
    const swapped = sampleReport({
      resources: [{ ...copy, id: 'apps/Deployment/prod/web' }, base.resources[0]!],
      findings: [{ ...inCopy, resourceId: 'apps/Deployment/prod/web' }],
    });
    assert.deepEqual(fingerprints(swapped), [duplicate]);
  });

  it('change when the control, path or message id differs', () => {
    const base = sampleReport();
    const finding = base.findings[1]!;
    const variants: ReportFinding[] = [
      finding,
      { ...finding, path: [...finding.path, 'x'] },
      { ...finding, messageId: 'other' },
      { ...finding, controlId: 'image-tag' },
    ];
    const prints = fingerprints(sampleReport({ findings: variants }));
    assert.equal(new Set(prints).size, 4);
  });
});
