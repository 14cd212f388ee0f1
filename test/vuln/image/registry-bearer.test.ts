import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { isCubecapeError } from '../../../src/core/errors.js';
import { openTarget } from '../../../src/vuln/image/target.js';
import { DEMO_LAYERS, ociLayoutEntries, sha256 } from './build-image.js';

/**
 * A mock registry plus "test token server" on node:http: docker-registry's own token auth needs a
 * signing certificate chain, so the bearer flow is exercised here against a mock.
 */
describe('registry bearer-token auth (mock registry and test token server)', () => {
  let server: Server | undefined;
  let host = '';
  const scopes: string[] = [];
  before(async () => {
    const blobs = new Map<string, Buffer>();
    let manifest = Buffer.alloc(0);
    for (const entry of await ociLayoutEntries([
      { platform: 'linux/amd64', layers: DEMO_LAYERS },
    ])) {
      const content = Buffer.from(entry.content ?? '');
      if (entry.name.startsWith('blobs/')) blobs.set(sha256(content), content);
      if (entry.name === 'index.json') {
        const index = JSON.parse(content.toString()) as { manifests: { digest: string }[] };
        manifest = Buffer.from(index.manifests[0]?.digest ?? '');
      }
    }
    const manifestBytes = blobs.get(manifest.toString()) ?? Buffer.alloc(0);
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', `http://${host}`);
      if (url.pathname === '/token') {
        scopes.push(
          `${url.searchParams.get('service')} ${url.searchParams.get('scope')} ${request.headers.authorization ?? 'anonymous'}`,
        );
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ token: 'secret-token' }));
        return;
      }
      if (request.headers.authorization !== 'Bearer secret-token') {
        response.statusCode = 401;
        response.setHeader(
          'www-authenticate',
          `Bearer realm="http://${host}/token",service="mock",scope="repository:team/app:pull"`,
        );
        response.end();
        return;
      }
      if (url.pathname === '/v2/team/app/manifests/1') {
        response.setHeader('content-type', 'application/vnd.oci.image.manifest.v1+json');
        response.setHeader('docker-content-digest', sha256(manifestBytes));
        response.end(manifestBytes);
        return;
      }
      const blob = /^\/v2\/team\/app\/blobs\/(sha256:[a-f0-9]{64})$/.exec(url.pathname);
      const data = blob?.[1] === undefined ? undefined : blobs.get(blob[1]);
      response.statusCode = data === undefined ? 404 : 200;
      response.end(data);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    host = typeof address === 'object' && address !== null ? `127.0.0.1:${address.port}` : '';
  });
  after(() => {
    server?.close();
  });

  it('answers the Bearer challenge with the scope and credentials, then pulls', async () => {
    const tree = await openTarget(`registry:${host}/team/app:1`, {
      insecure: true,
      username: 'bob',
      password: 'pw',
    });
    assert.equal(tree.info.kind, 'registry');
    assert.equal(tree.entries.get('/usr/lib/os-release')?.type, 'file');
    await tree.close();
    assert.equal(
      scopes[0],
      `mock repository:team/app:pull Basic ${Buffer.from('bob:pw').toString('base64')}`,
    );
  });

  it('fails clearly for a missing image', async () => {
    await assert.rejects(
      openTarget(`registry:${host}/team/other:1`, { insecure: true }),
      (error: unknown) => {
        assert.ok(isCubecapeError(error), String(error));
        assert.equal(error.code, 'FILE_UNREADABLE');
        assert.match(error.message, /404/);
        return true;
      },
    );
  });
});
