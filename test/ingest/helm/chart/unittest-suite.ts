/**
 * Replays helm-unittest suites with snapshots against cubecape's renderer: same values, release and
 * capabilities, then compares each rendered document with the snapshot's, as parsed objects.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { loadChart, renderChart, type Chart } from '../../../../src/ingest/helm/index.js';
import { mergeValues } from '../../../../src/ingest/helm/chart/values.js';
import { isRecord } from '../../../../src/model/resource.js';

/** Outcome of one snapshot test case. */
export interface CaseResult {
  readonly name: string;
  /** Snapshot documents (non-raw) found identical in the rendering. */
  readonly equal: number;
  /** Snapshot documents with the same kind and name but different content. */
  readonly different: string[];
  /** Snapshot documents with no rendered document of the same kind and name. */
  readonly missing: string[];
  /** Rendered documents the snapshot does not have. */
  readonly extra: string[];
  readonly error?: string;
}

function setPathValue(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let current = target;
  for (const part of parts.slice(0, -1)) {
    const next = current[part];
    current = isRecord(next) ? next : (current[part] = {});
  }
  const last = parts.at(-1) ?? path;
  current[last] =
    isRecord(value) && isRecord(current[last]) ? mergeValues(current[last], value) : value;
}

function keyOf(doc: unknown): string {
  if (!isRecord(doc)) return '?';
  const metadata = isRecord(doc['metadata']) ? doc['metadata'] : {};
  return `${String(doc['kind'])}/${typeof metadata['namespace'] === 'string' ? metadata['namespace'] : ''}/${String(metadata['name'])}`;
}

function valuesOf(
  entry: Record<string, unknown>,
  testsDir: string,
  target: Record<string, unknown>,
): void {
  const files = Array.isArray(entry['values']) ? entry['values'] : [];
  for (const file of files)
    mergeValues(
      target,
      yaml.load(readFileSync(join(testsDir, String(file)), 'utf8')) as Record<string, unknown>,
    );
  const set = isRecord(entry['set']) ? entry['set'] : {};
  for (const [path, value] of Object.entries(set)) setPathValue(target, path, value);
}

function runCase(
  chart: Chart,
  suite: Record<string, unknown>,
  test: Record<string, unknown>,
  snapshot: Record<string, unknown>,
  testsDir: string,
): CaseResult {
  const name = String(test['it']);
  const values: Record<string, unknown> = {};
  valuesOf(suite, testsDir, values);
  valuesOf(test, testsDir, values);
  const release = {
    ...(isRecord(suite['release']) ? suite['release'] : {}),
    ...(isRecord(test['release']) ? test['release'] : {}),
  };
  const caps = isRecord(test['capabilities'])
    ? test['capabilities']
    : isRecord(suite['capabilities'])
      ? suite['capabilities']
      : {};
  const templates = (
    Array.isArray(test['templates'])
      ? test['templates']
      : Array.isArray(suite['templates'])
        ? suite['templates']
        : []
  ).map(String);
  const expected = Object.values(snapshot)
    .map((text) => yaml.load(String(text)))
    .filter((doc) => !(isRecord(doc) && Object.keys(doc).length === 1 && 'raw' in doc));
  const result = {
    name,
    equal: 0,
    different: [] as string[],
    missing: [] as string[],
    extra: [] as string[],
  };
  let rendered;
  try {
    rendered = renderChart(chart, {
      values,
      releaseName: typeof release['name'] === 'string' ? release['name'] : 'RELEASE-NAME',
      namespace: typeof release['namespace'] === 'string' ? release['namespace'] : 'NAMESPACE',
      apiVersions: Array.isArray(caps['apiVersions']) ? caps['apiVersions'].map(String) : [],
      // The Kubernetes version the snapshots were taken with (helm-unittest's default is older than 1.30).
      kubeVersion:
        typeof caps['majorVersion'] === 'string'
          ? `v${caps['majorVersion']}.${String(caps['minorVersion'])}.0`
          : 'v1.29.0',
    });
  } catch (error) {
    return { ...result, error: error instanceof Error ? error.message : String(error) };
  }
  const docs = rendered.manifests
    .filter((m) => templates.length === 0 || templates.some((t) => m.template.endsWith(`/${t}`)))
    .map((m) => yaml.load(m.content))
    .filter((doc) => doc !== undefined && doc !== null);
  const byKey = new Map<string, unknown[]>();
  for (const doc of docs) byKey.set(keyOf(doc), [...(byKey.get(keyOf(doc)) ?? []), doc]);
  for (const doc of expected) {
    const candidates = byKey.get(keyOf(doc)) ?? [];
    const at = candidates.findIndex((c) => isDeepStrictEqual(c, doc));
    if (at >= 0) {
      result.equal++;
      candidates.splice(at, 1);
    } else if (candidates.length > 0) {
      result.different.push(keyOf(doc));
      candidates.shift();
    } else result.missing.push(keyOf(doc));
  }
  for (const [key, rest] of byKey) for (const _ of rest) result.extra.push(key);
  return result;
}

/** Runs every `matchSnapshot` test of `suiteFile` (a helm-unittest suite) against the chart. */
export async function replaySuite(chartDir: string, suiteFile: string): Promise<CaseResult[]> {
  const chart = await loadChart(chartDir);
  const suite = yaml.load(readFileSync(suiteFile, 'utf8')) as Record<string, unknown>;
  const snapFile = join(
    dirname(suiteFile),
    '__snapshot__',
    `${suiteFile.split('/').at(-1) ?? ''}.snap`,
  );
  const snaps = yaml.load(readFileSync(snapFile, 'utf8')) as Record<string, unknown>;
  const tests = Array.isArray(suite['tests']) ? suite['tests'].filter(isRecord) : [];
  return tests
    .filter((test) => isRecord(snaps[String(test['it'])]))
    .map((test) =>
      runCase(
        chart,
        suite,
        test,
        snaps[String(test['it'])] as Record<string, unknown>,
        dirname(suiteFile),
      ),
    );
}
