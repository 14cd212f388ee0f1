/**
 * Cluster-scale scan (issue 5): a synthetic cluster of 20,000 objects written as a cubecape
 * snapshot, then `cubecape scan snapshot.json -f json` through the CLI, every built-in control.
 * Prints wall time, CPU time and peak RSS; asserts nothing. Targets: < 3 s wall, < 400 MB RSS.
 * Uses the bundled CLI (dist/, `npm run build`) when present, else the sources through tsx.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshotChunks } from '../src/cluster/snapshot.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOTAL = 20_000;
const NAMESPACES = 200;

function deployment(ns: string, i: number): Record<string, unknown> {
  const hardened = i % 3 === 0;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `app-${i}`, namespace: ns, labels: { app: `app-${i}`, team: ns } },
    spec: {
      replicas: 1 + (i % 4),
      selector: { matchLabels: { app: `app-${i}` } },
      template: {
        metadata: { labels: { app: `app-${i}` } },
        spec: {
          serviceAccountName: `sa-${i % 10}`,
          containers: [
            {
              name: 'main',
              image: hardened
                ? `registry.example.com/app@sha256:${'a'.repeat(64)}`
                : 'nginx:latest',
              ports: [{ containerPort: 8080 }],
              env: [{ name: 'MODE', value: 'prod' }],
              ...(hardened
                ? {
                    resources: {
                      limits: { cpu: '1', memory: '1Gi' },
                      requests: { cpu: '100m', memory: '128Mi' },
                    },
                    securityContext: {
                      runAsNonRoot: true,
                      allowPrivilegeEscalation: false,
                      readOnlyRootFilesystem: true,
                      capabilities: { drop: ['ALL'] },
                    },
                  }
                : { securityContext: { privileged: i % 7 === 0 } }),
            },
          ],
        },
      },
    },
  };
}

/** Objects in the proportions of a busy cluster: many workloads, services, config and RBAC. */
function syntheticCluster(): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (let n = 0; n < NAMESPACES; n++) {
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${n}` } });
  }
  for (let i = 0; objects.length < TOTAL; i++) {
    const ns = `ns-${i % NAMESPACES}`;
    const meta = { name: `obj-${i}`, namespace: ns };
    switch (i % 8) {
      case 0:
      case 1:
        objects.push(deployment(ns, i));
        break;
      case 2:
        objects.push({
          apiVersion: 'v1',
          kind: 'Service',
          metadata: meta,
          spec: { selector: { app: `app-${i - 2}` }, ports: [{ port: 80 }] },
        });
        break;
      case 3:
        objects.push({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: meta,
          data: { 'config.yaml': 'a: 1\nb: 2\n' },
        });
        break;
      case 4:
        objects.push({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: meta,
          type: 'Opaque',
          data: { password: '' },
        });
        break;
      case 5:
        objects.push({
          apiVersion: 'v1',
          kind: 'ServiceAccount',
          metadata: { name: `sa-${i % 10}-${i}`, namespace: ns },
        });
        break;
      case 6:
        objects.push({
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'Role',
          metadata: meta,
          rules: [
            {
              apiGroups: [''],
              resources: i % 5 === 0 ? ['secrets'] : ['configmaps'],
              verbs: ['get', 'list'],
            },
          ],
        });
        break;
      default:
        objects.push({
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: meta,
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `obj-${i - 1}` },
          subjects: [{ kind: 'ServiceAccount', name: `sa-${i % 10}`, namespace: ns }],
        });
    }
  }
  return objects;
}

function cliArgs(): string[] {
  if (existsSync(join(root, 'dist/cubecape.mjs'))) return [join(root, 'bin/cubecape.js')];
  const entry = `import { main } from ${JSON.stringify(join(root, 'src/cli/main.ts'))}; process.exitCode = await main(process.argv.slice(1));`;
  return ['--import', 'tsx', '--input-type=module', '-e', entry];
}

const dir = mkdtempSync(join(tmpdir(), 'cubecape-bench-cluster-'));
try {
  const snapshot = join(dir, 'cluster.json');
  const objects = syntheticCluster();
  const read = {
    context: 'bench',
    server: 'https://bench.invalid',
    serverVersion: 'v1.36.3',
    readAt: new Date(),
    objects,
    unreadable: [],
    notServed: [],
    issues: [],
  };
  writeFileSync(snapshot, [...snapshotChunks(read)].join(''));
  const rssFile = join(dir, 'rss.json');
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      join(root, 'bench/rss-hook.mjs'),
      ...cliArgs(),
      'scan',
      snapshot,
      '-f',
      'json',
      '-o',
      join(dir, 'report.json'),
      '--fail-on',
      'none',
    ],
    { cwd: root, env: { ...process.env, CUBECAPE_BENCH_RSS: rssFile, CI: '1' }, encoding: 'utf8' },
  );
  const wallMs = performance.now() - started;
  if (result.status !== 0) process.stderr.write(result.stderr);
  const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpu: number };
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
    resources: unknown[];
    findings: unknown[];
  };
  const mode = cliArgs().length === 1 ? 'bundled CLI' : 'sources via tsx';
  console.log(`cluster snapshot scan (${mode}), every built-in control, JSON out`);
  console.log(
    `  objects ${objects.length.toLocaleString('en')}, snapshot ${(statSync(snapshot).size / 1024 / 1024).toFixed(1)} MiB, ` +
      `resources ${report.resources.length.toLocaleString('en')}, findings ${report.findings.length.toLocaleString('en')}, exit ${String(result.status)}`,
  );
  console.log(
    `  wall ${(wallMs / 1000).toFixed(2)} s (target < 3 s), cpu ${(usage.cpu / 1e6).toFixed(2)} s, ` +
      `peak RSS ${(usage.maxRSS / 1024).toFixed(0)} MB (target < 400 MB)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
