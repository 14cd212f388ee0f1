/**
 * Differential test of our Helm engine against real `helm template` (Helm v3.22.0): every chart ×
 * values combination in test/fixtures/helm-charts-golden/combinations.json is rendered by us and
 * compared with the committed output of the Go oracle (scripts/regen-helm-chart-golden.sh).
 * Documents are compared as parsed YAML data after dropping empty documents and sorting by
 * kind/namespace/name, so only document order and formatting may differ. Helm's `genCA`,
 * `genSignedCert` and `genPrivateKey` make fresh random keys on every run (we emit placeholders), so
 * PEM blocks, plain or base64-encoded, compare by their block type only.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { renderChartPath, renderedText } from '../../src/ingest/helm/index.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/helm-charts-golden/', import.meta.url));
const CHARTS = fileURLToPath(new URL('../../../shared/corpus/charts/', import.meta.url));
const THRESHOLD = 0.95;

interface Combination {
  readonly name: string;
  readonly chart: string;
  readonly values?: readonly string[];
  readonly set?: readonly string[];
  readonly setString?: readonly string[];
  readonly releaseName?: string;
  readonly namespace?: string;
  readonly kubeVersion?: string;
}

interface Doc {
  readonly key: string;
  readonly data: unknown;
}

function field(value: unknown, key: string): string {
  if (value === null || typeof value !== 'object') return '';
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'string' ? found : '';
}

const PEM = /^-----BEGIN ([A-Z ]+)-----/;

/** Replaces PEM blocks (plain or base64) by their type: random keys cannot be compared. */
function maskRandom(value: unknown): unknown {
  if (typeof value === 'string') {
    const plain = PEM.exec(value);
    if (plain !== null) return `<PEM ${plain[1] ?? ''}>`;
    if (value.startsWith('LS0tLS1CRUdJTi')) {
      const decoded = PEM.exec(Buffer.from(value, 'base64').toString('latin1'));
      if (decoded !== null) return `<base64 PEM ${decoded[1] ?? ''}>`;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map(maskRandom);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskRandom(v)]));
  return value;
}

/** Splits a rendered stream into non-empty documents keyed by kind/namespace/name, sorted. */
function normalise(text: string): Doc[] {
  const docs: Doc[] = [];
  for (const document of parseAllDocuments(text, { uniqueKeys: false })) {
    const data = maskRandom(document.toJS({ maxAliasCount: -1 }));
    if (data === null || data === undefined) continue;
    const meta = (data as Record<string, unknown>)['metadata'];
    docs.push({
      key: `${field(data, 'kind')}/${field(meta, 'namespace')}/${field(meta, 'name')}`,
      data,
    });
  }
  return docs.sort((a, b) =>
    a.key === b.key
      ? JSON.stringify(a.data).localeCompare(JSON.stringify(b.data))
      : a.key.localeCompare(b.key),
  );
}

/** The documents that differ, as `key` lines with what is wrong. */
function differences(ours: Doc[], theirs: Doc[]): string[] {
  const out: string[] = [];
  const remaining = [...theirs];
  for (const doc of ours) {
    const index = remaining.findIndex((t) => t.key === doc.key);
    if (index === -1) {
      out.push(`${doc.key}: only in ours`);
      continue;
    }
    const [match] = remaining.splice(index, 1);
    if (match !== undefined && !isDeepStrictEqual(match.data, doc.data))
      out.push(`${doc.key}: differs ${firstDifference(doc.data, match.data, '')}`);
  }
  for (const doc of remaining) out.push(`${doc.key}: only in helm`);
  return out;
}

function firstDifference(ours: unknown, theirs: unknown, path: string): string {
  if (
    ours !== null &&
    theirs !== null &&
    typeof ours === 'object' &&
    typeof theirs === 'object' &&
    Array.isArray(ours) === Array.isArray(theirs)
  ) {
    const a = ours as Record<string, unknown>;
    const b = theirs as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (!isDeepStrictEqual(a[key], b[key]))
        return firstDifference(a[key], b[key], `${path}.${key}`);
  }
  const show = (v: unknown): string =>
    (v === undefined ? 'undefined' : JSON.stringify(v)).slice(0, 120);
  return `at ${path || '.'}: ours ${show(ours)}, helm ${show(theirs)}`;
}

async function ours(c: Combination): Promise<string> {
  const rendered = await renderChartPath(
    // Charts written for these tests live beside the golden files; the rest are the corpus.
    c.chart.startsWith('./') ? join(FIXTURES, c.chart) : join(CHARTS, c.chart),
    {
      valuesFiles: (c.values ?? []).map((file) => join(FIXTURES, 'values', file)),
      set: c.set ?? [],
      setString: c.setString ?? [],
      releaseName: c.releaseName ?? 'cubecape',
      namespace: c.namespace ?? 'cubecape-ns',
      kubeVersion: c.kubeVersion ?? '1.33.0',
      includeCrds: true,
    },
  );
  return renderedText(rendered);
}

test('our Helm rendering agrees with helm template on ≥ 95 % of chart × values combinations', async () => {
  assert.ok(
    existsSync(CHARTS),
    `chart corpus missing at ${CHARTS}: expected ../shared/corpus/charts`,
  );
  const combinations = JSON.parse(
    readFileSync(join(FIXTURES, 'combinations.json'), 'utf8'),
  ) as Combination[];
  assert.ok(combinations.length >= 40, 'expected at least 40 combinations');
  let identical = 0;
  const report: string[] = [];
  for (const c of combinations) {
    const golden = join(FIXTURES, 'golden', `${c.name}.yaml.gz`);
    assert.ok(
      existsSync(golden),
      `no golden output for ${c.name}: run scripts/regen-helm-chart-golden.sh`,
    );
    const theirs = normalise(gunzipSync(readFileSync(golden)).toString('utf8'));
    let diff: string[];
    try {
      diff = differences(normalise(await ours(c)), theirs);
    } catch (error) {
      diff = [`render failed: ${error instanceof Error ? error.message : String(error)}`];
    }
    if (diff.length === 0) identical++;
    else
      report.push(`${c.name} (${diff.length} documents):\n    ${diff.slice(0, 8).join('\n    ')}`);
  }
  const ratio = identical / combinations.length;
  console.log(
    `helm differential: ${identical}/${combinations.length} combinations identical (${(ratio * 100).toFixed(1)} %)`,
  );
  for (const line of report) console.log(`  ${line}`);
  assert.ok(ratio >= THRESHOLD, `agreement ${(ratio * 100).toFixed(1)} % is below 95 %`);
});
