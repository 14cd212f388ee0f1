/**
 * `node --import tsx bench/helm.ts [charts-dir]`: time rendering the corpus charts in-process
 * (load + values + render + split/sort, and the scan-side conversion to resources). Prints the
 * first (cold) run and the median of 5 warm runs per chart; asserts nothing.
 */
import { existsSync } from 'node:fs';
import { manifestDrafts, renderChartPath } from '../src/ingest/helm/index.js';

const RUNS = 5;
const root = process.argv[2] ?? '/work/shared/corpus/charts';
const charts = ['cert-manager', 'kubescape-operator', 'istio-base', 'istiod', 'istio-gateway'];

async function timeOnce(
  path: string,
): Promise<{ ms: number; documents: number; resources: number }> {
  const started = performance.now();
  const rendered = await renderChartPath(path);
  const { drafts } = manifestDrafts(rendered.manifests, path);
  return {
    ms: performance.now() - started,
    documents: rendered.manifests.length,
    resources: drafts.length,
  };
}

for (const chart of charts) {
  const path = `${root}/${chart}`;
  if (!existsSync(path)) {
    console.log(`${chart}: not found under ${root}`);
    continue;
  }
  const cold = await timeOnce(path);
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push((await timeOnce(path)).ms);
  warm.sort((a, b) => a - b);
  const median = warm[Math.floor(RUNS / 2)] ?? 0;
  console.log(
    `${chart.padEnd(20)} ${String(cold.documents).padStart(4)} documents ${String(cold.resources).padStart(4)} resources  cold ${cold.ms.toFixed(0).padStart(5)} ms  warm median ${median.toFixed(0).padStart(5)} ms`,
  );
}
