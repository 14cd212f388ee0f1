import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import { catalogTree } from '../../../src/vuln/catalog/index.js';
import { parseRpmHeader } from '../../../src/vuln/catalog/os/rpm-header.js';
import { memoryTree } from './memory-tree.js';

type Tag = [tag: number, value: string | number];

/** Writes an RPM header blob (index entries + data store, big-endian) as rpmdb stores it. */
function headerBlob(tags: readonly Tag[]): Buffer {
  const index: Buffer[] = [];
  const store: Buffer[] = [];
  let offset = 0;
  for (const [tag, value] of tags) {
    const entry = Buffer.alloc(16);
    let data: Buffer;
    if (typeof value === 'number') {
      const pad = (4 - (offset % 4)) % 4;
      if (pad > 0) {
        store.push(Buffer.alloc(pad));
        offset += pad;
      }
      data = Buffer.alloc(4);
      data.writeUInt32BE(value);
    } else data = Buffer.from(`${value}\0`);
    entry.writeUInt32BE(tag, 0);
    entry.writeUInt32BE(typeof value === 'number' ? 4 : 6, 4);
    entry.writeUInt32BE(offset, 8);
    entry.writeUInt32BE(1, 12);
    index.push(entry);
    store.push(data);
    offset += data.length;
  }
  const head = Buffer.alloc(8);
  head.writeUInt32BE(tags.length, 0);
  head.writeUInt32BE(offset, 4);
  return Buffer.concat([head, ...index, ...store]);
}

function rpmdb(blobs: readonly Buffer[]): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'rpmdb-test-'));
  try {
    const file = join(dir, 'rpmdb.sqlite');
    const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
    const db = new Sqlite(file);
    db.exec('CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO Packages (blob) VALUES (?)');
    for (const blob of blobs) insert.run(blob);
    db.close();
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('rpm cataloger', () => {
  it('reads name, epoch, version, release, arch, licence and source rpm from rpmdb.sqlite', async () => {
    const db = rpmdb([
      headerBlob([
        [1000, 'openssl-libs'],
        [1003, 1],
        [1001, '3.0.7'],
        [1002, '25.el9_3'],
        [1014, 'ASL 2.0'],
        [1022, 'x86_64'],
        [1044, 'openssl-3.0.7-25.el9_3.src.rpm'],
      ]),
      headerBlob([
        [1000, 'bash'],
        [1001, '5.1.8'],
        [1002, '6.el9'],
        [1022, 'x86_64'],
      ]),
      Buffer.from([0, 0, 0, 9, 0, 0, 0, 1]),
    ]);
    const inventory = await catalogTree(
      memoryTree({
        '/etc/os-release': 'ID="rocky"\nVERSION_ID="9.3"\n',
        '/var/lib/rpm/rpmdb.sqlite': db,
      }),
    );
    assert.deepEqual(
      inventory.packages.map((p) => [p.name, p.version, p.purl, p.ecosystem]),
      [
        [
          'bash',
          '5.1.8-6.el9',
          'pkg:rpm/rocky/bash@5.1.8-6.el9?arch=x86_64&distro=rocky-9.3',
          'Rocky Linux',
        ],
        [
          'openssl-libs',
          '1:3.0.7-25.el9_3',
          'pkg:rpm/rocky/openssl-libs@3.0.7-25.el9_3?arch=x86_64&distro=rocky-9.3&epoch=1',
          'Rocky Linux',
        ],
      ],
    );
    const openssl = inventory.packages[1];
    assert.ok(openssl);
    assert.deepEqual(openssl.source, { name: 'openssl', version: '3.0.7-25.el9_3' });
    assert.deepEqual(openssl.licenses, ['ASL 2.0']);
    assert.ok(
      inventory.notes.some(
        (n) => n.path === '/var/lib/rpm/rpmdb.sqlite' && n.message.startsWith('package header 3'),
      ),
    );
  });

  it('says which rpm database formats it cannot read, and survives a corrupt SQLite file', async () => {
    const inventory = await catalogTree(
      memoryTree({
        '/var/lib/rpm/Packages': Buffer.alloc(64),
        '/usr/lib/sysimage/rpm/rpmdb.sqlite': 'not sqlite at all',
      }),
    );
    assert.equal(inventory.packages.length, 0);
    assert.ok(inventory.notes.some((n) => n.message.includes('Berkeley DB is not supported')));
    assert.ok(inventory.notes.some((n) => n.path === '/usr/lib/sysimage/rpm/rpmdb.sqlite'));
  });

  it('rejects header blobs whose sizes do not fit', () => {
    assert.throws(() => parseRpmHeader(Buffer.from([0, 0, 0, 200, 0, 0, 0, 0])), /the blob has 8/);
  });
});
