import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isCubecapeError } from '../../../src/core/errors.js';
import { openTarget } from '../../../src/vuln/image/target.js';
import { isLoopback, parseReference } from '../../../src/vuln/image/registry/reference.js';
import { DEMO_LAYERS, ociArchive } from './build-image.js';
import { push, requireTools, startRegistry, type Registry } from './registry-harness.js';

describe('image references', () => {
  const cases: readonly [string, object][] = [
    ['alpine', { registry: 'registry-1.docker.io', repository: 'library/alpine', tag: 'latest' }],
    [
      'docker.io/foo/bar:1.2',
      { registry: 'registry-1.docker.io', repository: 'foo/bar', tag: '1.2' },
    ],
    ['127.0.0.1:5000/demo:1', { registry: '127.0.0.1:5000', repository: 'demo', tag: '1' }],
    [
      'localhost/a/b@sha256:' + 'a'.repeat(64),
      { registry: 'localhost', repository: 'a/b', digest: 'sha256:' + 'a'.repeat(64) },
    ],
    [
      'ghcr.io/o/r:v1@sha256:' + 'b'.repeat(64),
      { registry: 'ghcr.io', repository: 'o/r', tag: 'v1', digest: 'sha256:' + 'b'.repeat(64) },
    ],
  ];
  for (const [text, expected] of cases) {
    it(`parses ${text}`, () => {
      assert.deepEqual(parseReference(text), expected);
    });
  }
  it('rejects malformed references', () => {
    for (const text of ['UPPER/case', 'a@sha256:123', 'a:b:c:d/x:']) {
      assert.throws(
        () => parseReference(text),
        (error: unknown) => isCubecapeError(error) && error.code === 'USAGE',
      );
    }
  });
  it('knows the loopback hosts', () => {
    assert.equal(isLoopback('127.0.0.1:5000'), true);
    assert.equal(isLoopback('localhost'), true);
    assert.equal(isLoopback('example.com:5000'), false);
  });
  it('refuses --insecure for a non-loopback registry without sending anything', async () => {
    await assert.rejects(
      openTarget('registry:example.com/a:1', { insecure: true }),
      (error: unknown) => isCubecapeError(error) && error.code === 'USAGE',
    );
  });
});

describe('registry targets against a real docker-registry (distribution 2.8)', () => {
  let work = '';
  const registries: Registry[] = [];
  before(async () => {
    requireTools('/usr/bin/docker-registry', '/usr/bin/skopeo');
    work = await mkdtemp(join(tmpdir(), 'cubecape-registry-test-'));
  });
  after(async () => {
    for (const registry of registries) registry.process.kill();
    await rm(work, { recursive: true, force: true });
  });

  it('pulls anonymously, chooses a platform from an index, and rejects a tampered blob', async () => {
    const registry = await startRegistry(work);
    registries.push(registry);
    const archive = join(work, 'multi.tar');
    await ociArchive(archive, [
      { platform: 'linux/amd64', layers: DEMO_LAYERS },
      {
        platform: 'linux/arm64',
        layers: [{ entries: [{ name: 'etc/arch', content: 'arm64' }] }],
      },
    ]);
    push(archive, `${registry.host}/demo:1`);
    const tree = await openTarget(`registry:${registry.host}/demo:1`, { insecure: true });
    assert.equal(tree.info.kind, 'registry');
    assert.equal(tree.entries.has('/tmp/secret.txt'), false);
    const seen = new Map<string, string>();
    await tree.walk(
      (entry) => entry.path === '/var/lib/dpkg/status',
      (entry, data) => void seen.set(entry.path, data.toString()),
    );
    assert.equal(seen.get('/var/lib/dpkg/status'), 'Package: bash\nVersion: 5.2.15-3\n\n');
    await tree.close();

    const arm = await openTarget(`registry:${registry.host}/demo:1`, {
      insecure: true,
      platform: 'linux/arm64',
    });
    assert.equal(arm.entries.get('/etc/arch')?.size, 5);
    await arm.close();
    await assert.rejects(
      openTarget(`registry:${registry.host}/demo:1`, {
        insecure: true,
        platform: 'linux/riscv64',
      }),
      (error: unknown) => {
        assert.ok(isCubecapeError(error), String(error));
        assert.match(error.message, /linux\/amd64, linux\/arm64/);
        return true;
      },
    );

    // Tamper with every stored blob that is a gzip layer: the registry still serves it under its digest.
    const single = join(work, 'single.tar');
    await ociArchive(single, [
      {
        platform: 'linux/amd64',
        layers: [{ entries: [{ name: 'etc/x', content: 'x'.repeat(100) }], compression: 'gzip' }],
      },
    ]);
    push(single, `${registry.host}/tampered:1`);
    const blobs = join(registry.storage, 'docker/registry/v2/blobs/sha256');
    for (const prefix of await readdir(blobs)) {
      for (const digest of await readdir(join(blobs, prefix))) {
        const data = join(blobs, prefix, digest, 'data');
        const { readFile } = await import('node:fs/promises');
        const bytes = await readFile(data);
        if (bytes[0] === 0x1f && bytes[1] === 0x8b)
          await writeFile(data, Buffer.concat([bytes, Buffer.from('tampered')]));
      }
    }
    await assert.rejects(
      openTarget(`registry:${registry.host}/tampered:1`, { insecure: true }),
      (error: unknown) => {
        assert.ok(isCubecapeError(error), String(error));
        assert.equal(error.code, 'FILE_UNREADABLE');
        assert.match(error.message, /digest mismatch/);
        return true;
      },
    );
  });

  it('pulls with basic auth (htpasswd) and fails clearly without credentials', async () => {
    requireTools('/usr/bin/htpasswd');
    const htpasswd = join(work, 'htpasswd');
    execFileSync('htpasswd', ['-Bbc', htpasswd, 'alice', 's3cret'], { stdio: 'pipe' });
    const registry = await startRegistry(work, htpasswd);
    registries.push(registry);
    const archive = join(work, 'auth.tar');
    await ociArchive(archive, [{ platform: 'linux/amd64', layers: DEMO_LAYERS }]);
    push(archive, `${registry.host}/private:1`, ['--dest-creds', 'alice:s3cret']);
    const tree = await openTarget(`registry:${registry.host}/private:1`, {
      insecure: true,
      username: 'alice',
      password: 's3cret',
    });
    assert.equal(tree.entries.get('/usr/lib/os-release')?.type, 'file');
    await tree.close();
    const home = await mkdtemp(join(work, 'docker-config-'));
    const previous = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = home;
    try {
      await assert.rejects(
        openTarget(`registry:${registry.host}/private:1`, { insecure: true }),
        (error: unknown) => isCubecapeError(error) && /credentials/.test(error.message),
      );
      await writeFile(
        join(home, 'config.json'),
        JSON.stringify({
          auths: { [registry.host]: { auth: Buffer.from('alice:s3cret').toString('base64') } },
        }),
      );
      const fromConfig = await openTarget(`registry:${registry.host}/private:1`, {
        insecure: true,
      });
      await fromConfig.close();
    } finally {
      if (previous === undefined) delete process.env.DOCKER_CONFIG;
      else process.env.DOCKER_CONFIG = previous;
    }
  });
});
