import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ControlAliases } from '../../src/controls/define.js';
import { SEVERITIES } from '../../src/core/severity.js';
import { REPORT_KEY_ORDER, type KeyOrder } from '../../src/report/formatters/key-order.js';
import type {
  BaselineSummary,
  ControlCounts,
  ReportControl,
  ReportError,
  ReportException,
  ReportFinding,
  ReportFramework,
  ReportInput,
  ReportLocation,
  ReportResource,
  ReportSummary,
  ReportCvss,
  ReportSuppression,
  ReportVulnerability,
  ScanReport,
  VulnerabilitySummary,
} from '../../src/report/scan-report.js';

// report-schema.test.ts holds the key order to the schema; this file holds it to the TS types.

/** Missing keys of T make the argument fail to type-check. */
type AllKeys<T, K extends readonly PropertyKey[]> = [Exclude<keyof T, K[number]>] extends [never]
  ? unknown
  : { readonly missing: Exclude<keyof T, K[number]> };

/** Every key of T, in the order written; the compiler checks none is missing or unknown. */
function keysOf<T>() {
  return <const K extends readonly (keyof T & string)[]>(
    keys: K & AllKeys<T, K>,
  ): readonly string[] => keys;
}

function orderAt(...path: string[]): readonly string[] | undefined {
  let order: KeyOrder | undefined = REPORT_KEY_ORDER;
  for (const key of path) order = order?.nested?.[key];
  return order?.keys;
}

describe('the TypeScript interfaces have exactly the keys of the key order (and so of the schema)', () => {
  const table: [string, readonly string[], readonly string[] | undefined][] = [
    [
      'ScanReport',
      keysOf<ScanReport>()([
        'apiVersion',
        'kind',
        'tool',
        'scannedAt',
        'durationMs',
        'inputs',
        'resources',
        'controls',
        'findings',
        'frameworks',
        'summary',
        'errors',
        'vulnerabilities',
      ]),
      orderAt(),
    ],
    ['tool', keysOf<ScanReport['tool']>()(['name', 'version']), orderAt('tool')],
    ['ReportInput', keysOf<ReportInput>()(['type', 'target', 'unreadable']), orderAt('inputs')],
    [
      'ReportResource',
      keysOf<ReportResource>()(['id', 'apiVersion', 'kind', 'namespace', 'name', 'source']),
      orderAt('resources'),
    ],
    [
      'resource source',
      keysOf<NonNullable<ReportResource['source']>>()(['file', 'line', 'column', 'documentIndex']),
      orderAt('resources', 'source'),
    ],
    [
      'ReportControl',
      keysOf<ReportControl>()([
        'id',
        'title',
        'description',
        'severity',
        'frameworks',
        'aliases',
        'remediation',
        'status',
        'skipReason',
        'counts',
        'score',
      ]),
      orderAt('controls'),
    ],
    [
      'ControlAliases',
      keysOf<ControlAliases>()([
        'kubescape',
        'checkov',
        'pss',
        'cis',
        'polaris',
        'kubeLinter',
        'trivy',
      ]),
      orderAt('controls', 'aliases'),
    ],
    [
      'ControlCounts',
      keysOf<ControlCounts>()(['passed', 'failed', 'excepted', 'skipped', 'error']),
      orderAt('controls', 'counts'),
    ],
    [
      'ReportFinding',
      keysOf<ReportFinding>()([
        'controlId',
        'resourceId',
        'status',
        'severity',
        'messageId',
        'message',
        'path',
        'location',
        'evidence',
        'fix',
        'exception',
        'baseline',
      ]),
      orderAt('findings'),
    ],
    [
      'ReportLocation',
      keysOf<ReportLocation>()(['file', 'line', 'column']),
      orderAt('findings', 'location'),
    ],
    [
      'fix patch',
      keysOf<NonNullable<ReportFinding['fix']>[number]>()(['op', 'path', 'value']),
      orderAt('findings', 'fix'),
    ],
    [
      'ReportException',
      keysOf<ReportException>()(['name', 'reason', 'owner', 'ticket', 'expires']),
      orderAt('findings', 'exception'),
    ],
    [
      'ReportFramework',
      keysOf<ReportFramework>()(['id', 'name', 'version', 'score', 'complianceScore', 'controls']),
      orderAt('frameworks'),
    ],
    [
      'ReportSummary',
      keysOf<ReportSummary>()([
        'resources',
        'controls',
        'passed',
        'failed',
        'excepted',
        'skipped',
        'errors',
        'bySeverity',
        'score',
        'complianceScore',
        'baseline',
        'vulnerabilities',
      ]),
      orderAt('summary'),
    ],
    [
      'VulnerabilitySummary',
      keysOf<VulnerabilitySummary>()(['total', 'suppressed', 'bySeverity', 'fixable']),
      orderAt('summary', 'vulnerabilities'),
    ],
    [
      'ReportVulnerability',
      keysOf<ReportVulnerability>()([
        'id',
        'aliases',
        'package',
        'status',
        'severity',
        'cvss',
        'fixedVersions',
        'summary',
        'locations',
        'suppression',
        'image',
        'workloads',
      ]),
      orderAt('vulnerabilities'),
    ],
    [
      'vulnerability package',
      keysOf<ReportVulnerability['package']>()(['name', 'version', 'ecosystem', 'purl']),
      orderAt('vulnerabilities', 'package'),
    ],
    [
      'ReportCvss',
      keysOf<ReportCvss>()(['version', 'vector', 'score']),
      orderAt('vulnerabilities', 'cvss'),
    ],
    [
      'ReportSuppression',
      keysOf<ReportSuppression>()(['source', 'status', 'justification', 'statement', 'document']),
      orderAt('vulnerabilities', 'suppression'),
    ],
    [
      'BaselineSummary',
      keysOf<BaselineSummary>()(['new', 'existing', 'resolved']),
      orderAt('summary', 'baseline'),
    ],
    ['bySeverity', [...SEVERITIES], orderAt('summary', 'bySeverity')],
    [
      'ReportError',
      keysOf<ReportError>()(['code', 'message', 'file', 'line', 'column', 'severity']),
      orderAt('errors'),
    ],
  ];
  for (const [name, keys, order] of table) {
    it(name, () => {
      assert.deepEqual(order, keys);
    });
  }
});
