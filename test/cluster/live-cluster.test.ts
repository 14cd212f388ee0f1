import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import type { ScanReport } from '../../src/report/scan-report.js';
import { runCli } from '../cli/run-cli.js';
import {
  adminRequest,
  createObjects,
  startApiServer,
  type ApiServer,
} from './apiserver-harness.js';

const FIXTURES = JSON.parse(
  readFileSync(new URL('../fixtures/cluster/objects.json', import.meta.url), 'utf8'),
) as Record<string, unknown>[];
/** More ConfigMaps than one page (500) holds, so listing must follow `continue`. */
const PAGED_CONFIGMAPS = 520;

function comparable(report: ScanReport): string[] {
  return report.findings
    .map((f) => JSON.stringify([f.controlId, f.resourceId, f.status, f.message, f.path]))
    .sort();
}

describe('live cluster scans against a real kube-apiserver + etcd', { timeout: 600_000 }, () => {
  let server: ApiServer;
  let work: string;
  const env = (): Record<string, string> => ({ HOME: work });

  before(async () => {
    server = await startApiServer();
    work = mkdtempSync(join(tmpdir(), 'cubecape-live-'));
    await createObjects(server, FIXTURES);
    const pages = Array.from({ length: PAGED_CONFIGMAPS }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `page-${String(i).padStart(4, '0')}`, namespace: 'team-b' },
      data: { index: String(i) },
    }));
    await createObjects(server, pages);
  });

  after(async () => {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  });

  async function scanLive(
    kubeconfig: string,
    extra: string[] = [],
  ): Promise<{ code: number; report: ScanReport; stderr: string }> {
    const run = await runCli(
      ['scan', '--cluster', '--kubeconfig', kubeconfig, '-f', 'json', ...extra],
      { env: env() },
    );
    return { code: run.code, report: JSON.parse(run.stdout) as ScanReport, stderr: run.stderr };
  }

  it('scans the cluster with pagination, and a snapshot of it gives the same findings', async () => {
    const live = await scanLive(server.adminKubeconfig);
    assert.equal(live.code, 1, live.stderr);
    assert.deepEqual(live.report.inputs, [{ type: 'cluster', target: 'cluster:test-admin' }]);
    const ids = new Set(live.report.resources.map((r) => r.id));
    for (const id of [
      'apps/Deployment/team-a/web',
      'core/Secret/team-a/db-creds',
      'core/Namespace//team-b',
    ])
      assert.ok(ids.has(id), `missing ${id}`);
    const paged = live.report.resources.filter((r) =>
      r.id.startsWith('core/ConfigMap/team-b/page-'),
    );
    assert.equal(paged.length, PAGED_CONFIGMAPS);
    assert.ok(
      live.report.findings.some(
        (f) => f.resourceId === 'apps/Deployment/team-a/web' && f.status === 'failed',
      ),
    );
    assert.equal(
      live.report.resources.find((r) => r.id === 'apps/Deployment/team-a/web')?.source,
      undefined,
    );

    const file = join(work, 'cluster.json');
    const snap = await runCli(
      ['snapshot', '--cluster', '--kubeconfig', server.adminKubeconfig, '-o', file],
      { env: env() },
    );
    assert.equal(snap.code, 0, snap.stderr);
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes('managedFields'));
    assert.ok(!text.includes('c3VwZXItc2VjcmV0LXZhbHVl') && !text.includes('plain-secret-token'));
    const list = JSON.parse(text) as {
      kind: string;
      metadata: { annotations: Record<string, string> };
      items: Record<string, unknown>[];
    };
    assert.equal(list.kind, 'List');
    assert.equal(list.metadata.annotations['cubecape.io/server-version'], 'v1.36.3');
    const secret = list.items.find((o) => (o['metadata'] as { name: string }).name === 'db-creds');
    // The API server folds stringData into data on write; every value is blanked, keys kept.
    assert.deepEqual(secret?.['data'], { password: '', token: '' });

    const offline = await runCli(['scan', file, '-f', 'json'], { env: env() });
    assert.equal(offline.code, 1, offline.stderr);
    const report = JSON.parse(offline.stdout) as ScanReport;
    assert.deepEqual(report.inputs, [{ type: 'snapshot', target: file }]);
    assert.deepEqual(comparable(report), comparable(live.report));
    assert.deepEqual(
      report.controls.map((c) => [c.id, c.status]),
      live.report.controls.map((c) => [c.id, c.status]),
    );
  });

  it('a user who cannot list secrets or network policies: controls needing them are skipped, exit 3', async () => {
    const live = await scanLive(server.restrictedKubeconfig);
    assert.equal(live.code, 3, live.stderr);
    assert.match(live.stderr.trim().split('\n').at(-1) ?? '', /exit 3: scan incomplete/);
    const unreadable = live.report.inputs[0]?.unreadable ?? [];
    assert.ok(unreadable.includes('forbidden: cannot list secrets'), unreadable.join('; '));
    assert.ok(unreadable.includes('forbidden: cannot list networkpolicies.networking.k8s.io'));
    assert.ok(!unreadable.some((u) => u.includes('deployments')));
    const dangling = live.report.controls.find((c) => c.id === 'dangling-network-policy');
    assert.equal(dangling?.status, 'skipped');
    assert.match(dangling.skipReason ?? '', /forbidden: cannot list networkpolicies/);
    assert.ok(live.report.errors.some((e) => e.code === 'CLUSTER_FORBIDDEN'));
    assert.ok(!live.report.resources.some((r) => r.kind === 'Secret'));

    const file = join(work, 'restricted.json');
    const snap = await runCli(
      ['snapshot', '--cluster', '--kubeconfig', server.restrictedKubeconfig, '-o', file],
      { env: env() },
    );
    assert.equal(snap.code, 3);
    const offline = await runCli(['scan', file, '-f', 'json'], { env: env() });
    assert.equal(offline.code, 3);
    const report = JSON.parse(offline.stdout) as ScanReport;
    assert.deepEqual(report.inputs[0]?.unreadable, live.report.inputs[0]?.unreadable);
    assert.equal(
      report.controls.find((c) => c.id === 'dangling-network-policy')?.status,
      'skipped',
    );
    assert.deepEqual(comparable(report), comparable(live.report));
  });

  it('--include-namespaces and --exclude-namespaces limit what is listed', async () => {
    const only = await scanLive(server.adminKubeconfig, ['--include-namespaces', 'team-b']);
    const namespaces = new Set(only.report.resources.map((r) => r.namespace));
    assert.ok(namespaces.has('team-b'));
    assert.ok(!namespaces.has('team-a') && !namespaces.has('default'));
    assert.ok(!only.report.resources.some((r) => r.id === 'core/Namespace//team-a'));
    const without = await scanLive(server.adminKubeconfig, [
      '--exclude-namespaces',
      'team-a,default',
    ]);
    const rest = new Set(without.report.resources.map((r) => r.namespace));
    assert.ok(rest.has('team-b') && !rest.has('team-a') && !rest.has('default'));
  });

  it('kubectl-style List output (-o json and -o yaml) of the same objects scans like the cluster', async () => {
    const res = await adminRequest(server, 'GET', '/apis/apps/v1/deployments');
    const deployments = JSON.parse(res.body) as { items: Record<string, unknown>[] };
    // kubectl get -o json wraps items in a v1 List and sets each item's apiVersion and kind.
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      metadata: { resourceVersion: '' },
      items: deployments.items.map((item) => ({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        ...item,
      })),
    };
    const asJson = join(work, 'kubectl.json');
    const asYaml = join(work, 'kubectl.yaml');
    writeFileSync(asJson, JSON.stringify(list, null, 4));
    writeFileSync(asYaml, stringify(list));
    const live = await scanLive(server.adminKubeconfig, ['--include-kinds', 'Deployment']);
    const pick = (report: ScanReport): string[] =>
      comparable(report).filter((f) => f.includes('"apps/Deployment/'));
    for (const file of [asJson, asYaml]) {
      const run = await runCli(['scan', file, '-f', 'json', '--include-kinds', 'Deployment'], {
        env: env(),
      });
      assert.equal(run.code, 1, run.stderr);
      const report = JSON.parse(run.stdout) as ScanReport;
      assert.equal(report.resources.length, 3);
      const podSpecOnly = (f: string): boolean =>
        !f.includes('"dangling-') && !f.includes('"rbac-');
      assert.deepEqual(pick(report).filter(podSpecOnly).length > 0, true);
      // Cluster-only controls run on the live scan, so compare what both judge: the file findings
      // are a subset of the live ones.
      const liveSet = new Set(pick(live.report));
      for (const finding of pick(report).filter(podSpecOnly))
        assert.ok(liveSet.has(finding), finding);
    }
  });

  it('bad kubeconfig input gives clear errors: unknown context (exit 2), unreachable server (exit 3)', async () => {
    const noContext = await runCli(
      ['scan', '--cluster', '--kubeconfig', server.adminKubeconfig, '--context', 'nope'],
      { env: env() },
    );
    assert.equal(noContext.code, 2);
    assert.match(
      noContext.lastStderrLine,
      /context "nope" is not in .*test-admin.*\[CLUSTER_CONFIG\]/,
    );
    const dead = join(work, 'dead.kubeconfig');
    writeFileSync(
      dead,
      readFileSync(server.adminKubeconfig, 'utf8').replace(server.url, 'https://127.0.0.1:1'),
    );
    const unreachable = await runCli(['scan', '--cluster', '--kubeconfig', dead], { env: env() });
    assert.equal(unreachable.code, 3);
    assert.match(
      unreachable.lastStderrLine,
      /cannot reach the API server .*\[CLUSTER_UNREACHABLE\]/,
    );
    const missing = await runCli(['scan', '--cluster'], { env: { HOME: join(work, 'nohome') } });
    assert.equal(missing.code, 2);
    assert.match(missing.lastStderrLine, /no kubeconfig found.*\[CLUSTER_CONFIG\]/);
    const stray = await runCli(['scan', '--context', 'x', 'examples/'], { env: env() });
    assert.equal(stray.code, 2);
    assert.match(stray.lastStderrLine, /--context only apply with --cluster/);
  });
});
