import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { catalogTree } from '../../../src/vuln/catalog/index.js';
import { memoryTree } from './memory-tree.js';

/** A minimal 64-bit little-endian ELF with a section string table and one named section. */
function elfWith(name: string, contents: Buffer): Buffer {
  const names = Buffer.from(`\0.shstrtab\0${name}\0`, 'latin1');
  const dataAt = 64;
  const namesAt = dataAt + contents.length;
  const shoff = namesAt + names.length;
  const header = Buffer.alloc(64);
  header.writeUInt32BE(0x7f454c46, 0);
  header[4] = 2;
  header[5] = 1;
  header[6] = 1;
  header.writeBigUInt64LE(BigInt(shoff), 0x28);
  header.writeUInt16LE(64, 0x3a);
  header.writeUInt16LE(3, 0x3c);
  header.writeUInt16LE(1, 0x3e);
  const section = (nameAt: number, offset: number, size: number): Buffer => {
    const s = Buffer.alloc(64);
    s.writeUInt32LE(nameAt, 0);
    s.writeUInt32LE(1, 4);
    s.writeBigUInt64LE(BigInt(offset), 0x18);
    s.writeBigUInt64LE(BigInt(size), 0x20);
    return s;
  };
  return Buffer.concat([
    header,
    contents,
    names,
    Buffer.alloc(64),
    section(1, namesAt, names.length),
    section(11, dataAt, contents.length),
  ]);
}

describe('rust-binary cataloger', () => {
  it('reads crates.io crates from the cargo-auditable .dep-v0 section', async () => {
    const deps = {
      packages: [
        { name: 'app', version: '0.1.0', source: 'local', kind: 'runtime', root: true },
        { name: 'serde', version: '1.0.193', source: 'crates.io', kind: 'runtime' },
        { name: 'cc', version: '1.0.83', source: 'crates.io', kind: 'build' },
      ],
    };
    const binary = elfWith('.dep-v0', deflateSync(Buffer.from(JSON.stringify(deps))));
    const tree = memoryTree({
      '/usr/local/bin/app': { data: binary, mode: 0o755 },
      '/usr/local/bin/broken': { data: elfWith('.dep-v0', Buffer.from('nope')), mode: 0o755 },
    });
    const inventory = await catalogTree(tree, { catalogers: ['rust-binary'], includeDev: true });
    assert.deepEqual(
      inventory.packages.map((p) => [p.purl, p.dev === true]),
      [
        ['pkg:cargo/cc@1.0.83', true],
        ['pkg:cargo/serde@1.0.193', false],
      ],
    );
    assert.ok(inventory.notes.some((n) => n.path === '/usr/local/bin/broken'));
  });
});
