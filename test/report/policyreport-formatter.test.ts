import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadAll } from 'js-yaml';
import { policyreport } from '../../src/report/formatters/policyreport.js';
import type { FormatContext } from '../../src/report/formatters/types.js';
import type { ScanReport } from '../../src/report/scan-report.js';
import {
  ANSI_ATTACK,
  BIDI_ATTACK,
  cleanReport,
  errorsOnlyReport,
  LONG_VALUE,
  MARKUP_ATTACK,
  sampleReport,
} from './sample-report.js';

const ctx: FormatContext = { color: false, width: 80, cwd: '/repo' };

interface Result {
  source: string;
  policy: string;
  rule: string;
  result: string;
  severity: string;
  category?: string;
  message: string;
  scored: boolean;
  resources?: { apiVersion: string; kind: string; name: string; namespace?: string }[];
  properties: Record<string, string>;
  timestamp: { seconds: number; nanos: number };
}
interface PolicyReport {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels: Record<string, string> };
  summary: Record<string, number>;
  results: Result[];
}

const RESULTS = ['pass', 'fail', 'warn', 'error', 'skip'];
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
const DNS_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Parses every document and checks the shape the v1alpha2 CRDs define. */
function parse(report: ScanReport): PolicyReport[] {
  const docs = loadAll(policyreport(report, ctx)) as PolicyReport[];
  for (const doc of docs) {
    assert.equal(doc.apiVersion, 'wgpolicyk8s.io/v1alpha2');
    assert.ok(['PolicyReport', 'ClusterPolicyReport'].includes(doc.kind));
    assert.match(doc.metadata.name, DNS_1123);
    assert.ok(doc.metadata.name.length <= 253);
    assert.equal(doc.kind === 'PolicyReport', doc.metadata.namespace !== undefined);
    assert.deepEqual(Object.keys(doc.summary), RESULTS);
    for (const result of doc.results) {
      assert.ok(RESULTS.includes(result.result));
      assert.ok(SEVERITIES.includes(result.severity));
      assert.equal(typeof result.policy, 'string');
      assert.equal(result.source, 'cubecape');
      for (const value of Object.values(result.properties)) assert.equal(typeof value, 'string');
      assert.ok(
        Number.isInteger(result.timestamp.seconds) && Number.isInteger(result.timestamp.nanos),
      );
    }
    for (const name of RESULTS) {
      assert.equal(doc.summary[name], doc.results.filter((r) => r.result === name).length);
    }
  }
  return docs;
}

describe('policyreport formatter', () => {
  it('writes a PolicyReport per namespace and one ClusterPolicyReport', () => {
    const docs = parse(sampleReport());
    assert.deepEqual(
      docs.map((d) => [d.kind, d.metadata.name, d.metadata.namespace]),
      [
        ['PolicyReport', 'cubecape-prod', 'prod'],
        ['ClusterPolicyReport', 'cubecape-cluster', undefined],
      ],
    );
    const [prod, cluster] = docs;
    assert.deepEqual(prod?.summary, { pass: 0, fail: 3, warn: 0, error: 0, skip: 2 });
    assert.deepEqual(cluster?.summary, { pass: 0, fail: 1, warn: 0, error: 0, skip: 0 });
    assert.equal(cluster.results[0]?.resources?.[0]?.kind, 'ClusterRole');
    assert.equal(cluster.results[0].resources[0].namespace, undefined);
  });

  it('maps each finding to a result', () => {
    const [prod] = parse(sampleReport());
    assert.deepEqual(
      prod?.results.map((r) => [r.policy, r.rule, r.result, r.severity, r.category, r.scored]),
      [
        ['privileged-container', 'privileged', 'fail', 'critical', 'nsa-cisa', true],
        ['image-tag', 'missing', 'fail', 'medium', 'nsa-cisa', true],
        ['image-tag', 'latest', 'fail', 'medium', 'nsa-cisa', true],
        ['image-tag', 'latest', 'skip', 'medium', 'nsa-cisa', false],
        ['node-kernel-params', 'skipped', 'skip', 'low', undefined, false],
      ],
    );
    const first = prod.results[0];
    assert.deepEqual(first?.resources, [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'prod' },
    ]);
    assert.deepEqual(first.timestamp, { seconds: 1741944413, nanos: 589_000_000 });
    assert.deepEqual(first.properties, {
      resourceId: 'apps/Deployment/prod/web',
      path: '/spec/template/spec/containers/0/securityContext/privileged',
      file: 'deploy/web.yaml',
      line: '24',
      evidence: 'true',
    });
    const excepted = prod.results[3];
    assert.equal(excepted?.properties['exception'], 'vendor-images');
  });

  it('keeps hostile text exactly through YAML', () => {
    const docs = parse(sampleReport());
    const all = docs.flatMap((d) => d.results);
    assert.equal(
      all.find((r) => r.policy === 'wildcard-rbac')?.message,
      `Rule grants every verb ${ANSI_ATTACK}`,
    );
    assert.equal(
      all.find((r) => r.properties['evidence'] === LONG_VALUE)?.message,
      `Container "日本語 🔥" has no tag ${BIDI_ATTACK}`,
    );
    assert.equal(
      all.find((r) => r.policy === 'wildcard-rbac')?.resources?.[0]?.name,
      `admin${ANSI_ATTACK}`,
    );
    const output = policyreport(sampleReport(), ctx);
    assert.ok(!output.includes('\x1b'), 'raw ESC in YAML');
  });

  it('gives hostile namespaces a valid, distinct report name and defaults missing ones', () => {
    const base = sampleReport();
    const resources = [
      { ...base.resources[0]!, id: 'a', namespace: MARKUP_ATTACK },
      { ...base.resources[0]!, id: 'b', namespace: MARKUP_ATTACK.toUpperCase() },
      { id: 'c', apiVersion: 'v1', kind: 'ConfigMap', name: 'c' },
    ];
    const findings = resources.map((r) => ({ ...base.findings[1]!, resourceId: r.id }));
    const docs = parse(sampleReport({ resources, findings }));
    const names = docs.map((d) => d.metadata.name);
    assert.equal(new Set(names).size, names.length);
    assert.deepEqual(
      docs
        .map((d) => d.metadata.namespace)
        .slice(0, 3)
        .sort(),
      [MARKUP_ATTACK, MARKUP_ATTACK.toUpperCase(), 'default'].sort(),
    );
  });

  it('puts findings on unknown resources in the cluster report without resources', () => {
    const docs = parse(
      sampleReport({ findings: [{ ...sampleReport().findings[0]!, resourceId: 'nope' }] }),
    );
    const cluster = docs.at(-1);
    assert.equal(cluster?.results.length, 1);
    assert.equal(cluster.results[0]?.resources, undefined);
  });

  it('writes empty reports for clean scans and only the cluster report with no resources', () => {
    const clean = parse(cleanReport());
    assert.deepEqual(
      clean.map((d) => [d.kind, d.results.length]),
      [
        ['PolicyReport', 0],
        ['ClusterPolicyReport', 0],
      ],
    );
    assert.deepEqual(
      parse(errorsOnlyReport()).map((d) => d.kind),
      ['ClusterPolicyReport'],
    );
  });

  it('is deterministic', () => {
    assert.equal(policyreport(sampleReport(), ctx), policyreport(sampleReport(), ctx));
  });
});
