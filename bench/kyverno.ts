// Kyverno evaluation speed: a pattern rule on a Deployment (evaluations/s), and the time to run
// every test of the Kyverno policy library through `policy test`'s runner.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resource } from '../src/model/resource.js';
import { evaluateKyverno, loadKyvernoPolicies } from '../src/policy/kyverno/index.js';
import { fileReader, runTestFile, summarize, type TestRun } from '../src/policy/testing/index.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/kyverno-policies/', import.meta.url));

const policy = loadKyvernoPolicies([
  {
    file: 'bench.yaml',
    object: {
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: { name: 'require-probes-and-limits' },
      spec: {
        rules: [
          {
            name: 'check',
            match: { any: [{ resources: { kinds: ['Pod'] } }] },
            validate: {
              message: 'containers need limits and a non-root user',
              pattern: {
                spec: {
                  containers: [
                    {
                      image: '!*:latest',
                      resources: { limits: { memory: '?*', cpu: '<=2' } },
                      '=(securityContext)': { '=(runAsNonRoot)': true },
                    },
                  ],
                },
              },
            },
          },
        ],
      },
    },
  },
]).policies[0];
if (policy === undefined) throw new Error('bench policy did not load');

const deployment: Resource = {
  id: 'apps/Deployment/default/web',
  apiVersion: 'apps/v1',
  group: 'apps',
  kind: 'Deployment',
  name: 'web',
  namespace: 'default',
  object: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      template: {
        spec: {
          containers: Array.from({ length: 3 }, (_, i) => ({
            name: `c${i}`,
            image: `registry.example.com/app:${i}`,
            resources: { limits: { memory: '128Mi', cpu: '500m' } },
            securityContext: { runAsNonRoot: true },
          })),
        },
      },
    },
  },
};

function patternRule(): void {
  for (let i = 0; i < 2_000; i++) evaluateKyverno(policy!, deployment);
  const n = 30_000;
  const start = performance.now();
  for (let i = 0; i < n; i++) evaluateKyverno(policy!, deployment);
  const seconds = (performance.now() - start) / 1000;
  const result = evaluateKyverno(policy!, deployment)[0]?.result;
  console.log(
    `kyverno pattern rule (autogen Deployment, 3 containers, ${String(result)}): ${Math.round(n / seconds).toLocaleString('en')} evaluations/s`,
  );
}

function testFiles(root: string, out: string[] = []): string[] {
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) testFiles(path, out);
    else if (entry.name === 'kyverno-test.yaml') out.push(path);
  }
  return out;
}

async function corpus(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.log(`kyverno corpus: missing at ${CORPUS}, skipped`);
    return;
  }
  const start = performance.now();
  const files = testFiles(CORPUS).sort();
  const read = fileReader();
  const runs: TestRun[] = [];
  for (const file of files) runs.push(...(await runTestFile(file, read)));
  const ms = performance.now() - start;
  const s = summarize(runs);
  console.log(
    `kyverno corpus: ${s.tests} tests, ${s.results - s.notChecked} expectations checked (${s.passed} agree) in ${Math.round(ms)} ms`,
  );
}

patternRule();
await corpus();
