import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { catalogTree } from '../../../src/vuln/catalog/index.js';
import { memoryTree } from './memory-tree.js';

const varint = (n: number): Buffer => {
  const bytes: number[] = [];
  while (n >= 0x80) {
    bytes.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  bytes.push(n);
  return Buffer.from(bytes);
};
const prefixed = (text: string): Buffer =>
  Buffer.concat([varint(Buffer.byteLength(text)), Buffer.from(text)]);

/** An ELF-looking file holding a Go ≥1.18 inline build-info blob. */
function fakeGoBinary(goVersion: string, modinfo: string, flags = 2): Buffer {
  const header = Buffer.alloc(32);
  header.write('\xff Go buildinf:', 0, 'latin1');
  header[14] = 8;
  header[15] = flags;
  const sentinel = '0123456789abcdef';
  return Buffer.concat([
    Buffer.from('\x7fELF', 'latin1'),
    Buffer.alloc(2000),
    header,
    prefixed(goVersion),
    prefixed(sentinel + modinfo + sentinel),
    Buffer.alloc(100),
  ]);
}

const executable = (data: Buffer): { data: Buffer; mode: number } => ({ data, mode: 0o755 });

describe('go-binary cataloger', () => {
  it('reads the Go version of a real binary built with go build', async () => {
    const inventory = await catalogTree(
      memoryTree({
        '/usr/bin/hello': executable(
          readFileSync(new URL('../../fixtures/catalog/go-hello-linux-amd64', import.meta.url)),
        ),
      }),
      { catalogers: ['go-binary'] },
    );
    assert.deepEqual(
      inventory.packages.map((p) => [p.name, p.version, p.purl]),
      [['stdlib', '1.26.8', 'pkg:golang/stdlib@v1.26.8']],
    );
    assert.deepEqual(inventory.packages[0]?.locations, [{ path: '/usr/bin/hello' }]);
  });

  it('reads the main module, dependencies and replacements', async () => {
    const modinfo = [
      'path\texample.com/app/cmd/app',
      'mod\texample.com/app\tv1.2.3\th1:abc=',
      'dep\tgolang.org/x/net\tv0.17.0\th1:def=',
      'dep\tgithub.com/old/lib\tv1.0.0',
      '=>\tgithub.com/new/lib\tv1.0.1\th1:ghi=',
      'build\t-trimpath=true',
      '',
    ].join('\n');
    const inventory = await catalogTree(
      memoryTree({
        '/app': executable(fakeGoBinary('go1.21.5', modinfo)),
        '/old': executable(fakeGoBinary('go1.16', '', 0)),
      }),
      { catalogers: ['go-binary'] },
    );
    assert.deepEqual(
      inventory.packages.map((p) => p.purl),
      [
        'pkg:golang/example.com/app@v1.2.3',
        'pkg:golang/github.com/new/lib@v1.0.1',
        'pkg:golang/golang.org/x/net@v0.17.0',
        'pkg:golang/stdlib@v1.21.5',
      ],
    );
    assert.equal(inventory.packages[0]?.version, '1.2.3');
    assert.ok(inventory.notes.some((n) => n.path === '/old' && n.message.includes('pre-1.18')));
  });
});
