import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { catalogTree } from '../../../src/vuln/catalog/index.js';
import { openTarget } from '../../../src/vuln/image/target.js';

const FIXTURES = fileURLToPath(
  new URL(
    '../../../../shared/corpus/lockfiles/legacy-5058d47/pkg/lockfile/fixtures',
    import.meta.url,
  ),
);

describe('catalogers over a real directory target (dir:)', () => {
  it('finds OS and language packages with the same results as the in-memory tree', async () => {
    const root = mkdtempSync(join(tmpdir(), 'catalog-dir-'));
    try {
      const put = (path: string, data: string | Buffer): void => {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), data);
      };
      put('usr/lib/os-release', 'ID=debian\nVERSION_ID="12"\n');
      mkdirSync(join(root, 'etc'), { recursive: true });
      symlinkSync('../usr/lib/os-release', join(root, 'etc/os-release'));
      put('var/lib/dpkg/status', readFileSync(`${FIXTURES}/dpkg/multiple_status`));
      put('srv/app/package-lock.json', readFileSync(`${FIXTURES}/npm/nested-dependencies.v2.json`));
      put('srv/app/Cargo.lock', readFileSync(`${FIXTURES}/cargo/two-packages.lock`));
      const tree = await openTarget(`dir:${root}`);
      try {
        const inventory = await catalogTree(tree);
        assert.equal(inventory.distro?.versionId, '12');
        const byCataloger = new Map<string, number>();
        for (const p of inventory.packages)
          byCataloger.set(p.foundBy, (byCataloger.get(p.foundBy) ?? 0) + 1);
        assert.deepEqual(Object.fromEntries(byCataloger), { dpkg: 4, npm: 5, rust: 2 });
        assert.ok(
          inventory.packages.some(
            (p) => p.purl === 'pkg:deb/debian/bash@5.1-2+deb11u1?arch=amd64&distro=debian-12',
          ),
        );
        assert.deepEqual(inventory.notes, []);
      } finally {
        await tree.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
