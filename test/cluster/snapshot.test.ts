import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ClusterRead } from '../../src/cluster/read-cluster.js';
import { sanitizeListed } from '../../src/cluster/sanitize.js';
import { parseSnapshotHeader, snapshotChunks } from '../../src/cluster/snapshot.js';
import type { ScanReport } from '../../src/report/scan-report.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cubecape-snapshot-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function read(
  objects: Record<string, unknown>[],
  unreadable: ClusterRead['unreadable'] = [],
): ClusterRead {
  return {
    context: 'ctx',
    server: 'https://example.invalid',
    serverVersion: 'v1.36.3',
    readAt: new Date('2026-01-02T03:04:05Z'),
    objects,
    unreadable,
    notServed: ['PodSecurityPolicy'],
    issues: [],
  };
}

const privileged = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'a' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'web', image: 'nginx', securityContext: { privileged: true } }],
      },
    },
  },
};

describe('sanitizeListed', () => {
  it('sets apiVersion and kind, drops managedFields, blanks Secret values and last-applied', () => {
    const secret = sanitizeListed(
      {
        metadata: {
          name: 's',
          managedFields: [{ manager: 'kubectl' }],
          annotations: {
            'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"k":"c2VjcmV0"}}',
            keep: 'me',
          },
        },
        data: { k: 'c2VjcmV0' },
        stringData: { t: 'plain' },
      },
      'v1',
      'Secret',
    );
    assert.deepEqual(secret, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', annotations: { keep: 'me' } },
      data: { k: '' },
      stringData: { t: '' },
    });
  });

  it("leaves other kinds' data and hostile shapes alone", () => {
    assert.deepEqual(sanitizeListed({ metadata: null, data: { a: 'b' } }, 'v1', 'ConfigMap'), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: null,
      data: { a: 'b' },
    });
    assert.deepEqual(sanitizeListed({ data: 'not-a-map' }, 'v1', 'Secret').data, 'not-a-map');
  });
});

describe('snapshot files', () => {
  it('the header line round-trips; other first lines are not snapshots', () => {
    const text = [...snapshotChunks(read([privileged]))].join('');
    const header = parseSnapshotHeader(text.split('\n')[0] ?? '');
    assert.deepEqual(header, {
      format: 'v1',
      context: 'ctx',
      serverVersion: 'v1.36.3',
      takenAt: '2026-01-02T03:04:05.000Z',
      unreadable: [],
      notServed: ['PodSecurityPolicy'],
    });
    assert.equal(parseSnapshotHeader('{"apiVersion":"v1","kind":"List",'), undefined);
    assert.equal(parseSnapshotHeader('{"cubecape.io/snapshot": broken'), undefined);
    assert.deepEqual((JSON.parse(text) as { items: unknown[] }).items, [privileged]);
  });

  it('scans as a snapshot input with item lines, and an edited snapshot still scans', async () => {
    const file = join(dir, 'snap.json');
    writeFileSync(
      file,
      [
        ...snapshotChunks(
          read([privileged, { ...privileged, metadata: { name: 'b', namespace: 'a' } }]),
        ),
      ].join(''),
    );
    const run = await runCli(['scan', file, '-f', 'json']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as ScanReport;
    assert.deepEqual(report.inputs, [{ type: 'snapshot', target: file }]);
    assert.deepEqual(
      report.resources.map((r) => [r.id, r.source?.line]),
      [
        ['apps/Deployment/a/web', 3],
        ['apps/Deployment/a/b', 4],
      ],
    );
    // Pretty-printed by hand: no longer one item per line, so the general reader takes it.
    const lines = readFileSync(file, 'utf8').split('\n');
    const edited = join(dir, 'edited.json');
    writeFileSync(
      edited,
      [lines[0], lines[1], JSON.stringify(privileged, null, 2), ']}'].join('\n'),
    );
    const again = JSON.parse((await runCli(['scan', edited, '-f', 'json'])).stdout) as ScanReport;
    assert.deepEqual(again.inputs, [{ type: 'snapshot', target: edited }]);
    assert.deepEqual(
      again.resources.map((r) => r.id),
      ['apps/Deployment/a/web'],
    );
  });

  it('a broken snapshot reports the file and line, exit 3', async () => {
    const file = join(dir, 'broken.json');
    const lines = [...snapshotChunks(read([privileged]))].join('').split('\n');
    lines[2] = '{"apiVersion": "apps/v1", "kind": ';
    writeFileSync(file, lines.join('\n'));
    const run = await runCli(['scan', file, '-f', 'json']);
    assert.equal(run.code, 3);
    const report = JSON.parse(run.stdout) as ScanReport;
    assert.ok(
      report.errors.some((e) => e.file === file && e.line !== undefined),
      JSON.stringify(report.errors),
    );
  });

  it('unreadable kinds recorded in a snapshot skip the controls that need them and exit 3', async () => {
    const file = join(dir, 'forbidden.json');
    const unreadable = [
      {
        kind: 'NetworkPolicy',
        apiVersion: 'networking.k8s.io/v1',
        resource: 'networkpolicies',
        reason: 'forbidden: cannot list networkpolicies.networking.k8s.io',
      },
    ];
    writeFileSync(file, [...snapshotChunks(read([privileged], unreadable))].join(''));
    const run = await runCli(['scan', file, '-f', 'json']);
    assert.equal(run.code, 3);
    const report = JSON.parse(run.stdout) as ScanReport;
    assert.deepEqual(report.inputs[0]?.unreadable, [
      'forbidden: cannot list networkpolicies.networking.k8s.io',
    ]);
    const control = report.controls.find((c) => c.id === 'dangling-network-policy');
    assert.equal(control?.status, 'skipped');
    assert.ok(report.errors.some((e) => e.code === 'CLUSTER_FORBIDDEN' && e.file === file));
  });
});
