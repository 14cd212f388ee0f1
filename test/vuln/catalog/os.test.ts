import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { catalogTree } from '../../../src/vuln/catalog/index.js';
import { memoryTree } from './memory-tree.js';

const FIXTURES = fileURLToPath(
  new URL(
    '../../../../shared/corpus/lockfiles/legacy-5058d47/pkg/lockfile/fixtures',
    import.meta.url,
  ),
);
const HEAD = fileURLToPath(
  new URL(
    '../../../../shared/corpus/lockfiles/head/cmd/osv-scanner/scan/source/testdata/locks-many',
    import.meta.url,
  ),
);
const fixture = (path: string): Buffer => readFileSync(`${FIXTURES}/${path}`);
const DEBIAN_12 =
  'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n';

describe('dpkg cataloger', () => {
  it('reads installed packages with Source, its version, arch and distro purls', async () => {
    const tree = memoryTree({
      '/usr/lib/os-release': DEBIAN_12,
      '/etc/os-release': { symlink: '../usr/lib/os-release' },
      '/var/lib/dpkg/status': fixture('dpkg/multiple_status'),
    });
    const inventory = await catalogTree(tree);
    assert.deepEqual(inventory.distro, {
      id: 'debian',
      versionId: '12',
      versionCodename: 'bookworm',
      prettyName: 'Debian GNU/Linux 12 (bookworm)',
    });
    const names = inventory.packages.map((p) => `${p.name}@${p.version}`);
    assert.deepEqual(names.sort(), [
      'base-files@12.4+deb12u5',
      'bash@5.1-2+deb11u1',
      'bsdutils@1:2.36.1-8+deb11u1',
      'libc6@2.31-13+deb11u5',
    ]);
    const bsdutils = inventory.packages.find((p) => p.name === 'bsdutils');
    assert.ok(bsdutils);
    assert.deepEqual(bsdutils.source, { name: 'util-linux', version: '2.36.1-8+deb11u1' });
    assert.equal(
      bsdutils.purl,
      'pkg:deb/debian/bsdutils@1:2.36.1-8+deb11u1?arch=amd64&distro=debian-12',
    );
    assert.deepEqual(bsdutils.locations, [{ path: '/var/lib/dpkg/status' }]);
    const libc = inventory.packages.find((p) => p.name === 'libc6');
    assert.ok(libc);
    assert.deepEqual(libc.source, { name: 'glibc', version: '2.31-13+deb11u5' });
    assert.equal(libc.ecosystem, 'Debian');
  });

  it('uses the version in parentheses of Source:', async () => {
    const inventory = await catalogTree(
      memoryTree({ '/var/lib/dpkg/status': fixture('dpkg/source_ver_override_status') }),
    );
    assert.equal(inventory.packages.length, 1);
    const [dmeventd] = inventory.packages;
    assert.ok(dmeventd);
    assert.equal(dmeventd.version, '2:1.02.145-4.1ubuntu3');
    assert.deepEqual(dmeventd.source, {
      name: 'lvm2',
      version: '2.02.176-4.1ubuntu3',
    });
  });

  it('turns malformed paragraphs into notes naming the file and line', async () => {
    const inventory = await catalogTree(
      memoryTree({ '/var/lib/dpkg/status': fixture('dpkg/malformed_status') }),
    );
    assert.ok(inventory.notes.length > 0);
    for (const note of inventory.notes) assert.equal(note.path, '/var/lib/dpkg/status');
    assert.ok(inventory.notes.some((n) => /^line \d+: /.test(n.message)));
    const empty = await catalogTree(
      memoryTree({ '/var/lib/dpkg/status': fixture('dpkg/not_status') }),
    );
    assert.equal(empty.packages.length, 0);
  });

  it('reads distroless status.d files and resolves Depends to purls', async () => {
    const inventory = await catalogTree(
      memoryTree({
        '/etc/os-release': DEBIAN_12,
        '/var/lib/dpkg/status.d/libc6':
          'Package: libc6\nVersion: 2.36-9\nArchitecture: amd64\nSource: glibc\n',
        '/var/lib/dpkg/status.d/libc6.md5sums': 'abc  lib/x\n',
        '/var/lib/dpkg/status.d/tzdata':
          'Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\nDepends: libc6 (>= 2.3) | libc-alt, debconf\n',
      }),
    );
    assert.deepEqual(
      inventory.packages.map((p) => p.name),
      ['libc6', 'tzdata'],
    );
    assert.deepEqual(inventory.packages[1]?.dependsOn, [
      'pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-12',
    ]);
  });

  it('finds every installed package of this machine (compared with dpkg-query)', async (t) => {
    if (!existsSync('/var/lib/dpkg/status')) {
      t.diagnostic('no dpkg database on this machine');
      return;
    }
    const expected = execFileSync(
      'dpkg-query',
      ['-W', '-f', '${db:Status-Status} ${Package}:${Architecture}=${Version}\n'],
      {
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter((l) => l.startsWith('installed '))
      .map((l) => l.slice('installed '.length))
      .sort();
    const inventory = await catalogTree(
      memoryTree({ '/var/lib/dpkg/status': readFileSync('/var/lib/dpkg/status') }),
      { catalogers: ['dpkg'] },
    );
    const actual = inventory.packages
      .map((p) => `${p.name}:${p.metadata?.['architecture'] ?? ''}=${p.version}`)
      .sort();
    t.diagnostic(`dpkg-query installed: ${expected.length}, catalogued: ${actual.length}`);
    assert.deepEqual(actual, expected);
    assert.deepEqual(inventory.notes, []);
  });
});

describe('apk cataloger', () => {
  it('reads P/V/A/o/L/D with origin as the source and resolves dependencies', async () => {
    const inventory = await catalogTree(
      memoryTree({
        '/etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.17.3\n',
        '/lib/apk/db/installed': Buffer.concat([
          readFileSync(`${HEAD}/installed`),
          Buffer.from('\n\nP:musl\nV:1.2.3-r4\nA:x86_64\no:musl\np:so:libc.musl-x86_64.so.1=1\n\n'),
        ]),
      }),
    );
    const apkTools = inventory.packages.find((p) => p.name === 'apk-tools');
    assert.ok(apkTools);
    assert.equal(apkTools.version, '2.12.10-r1');
    assert.equal(
      apkTools.purl,
      'pkg:apk/alpine/apk-tools@2.12.10-r1?arch=x86_64&distro=alpine-3.17.3',
    );
    assert.deepEqual(apkTools.licenses, ['GPL-2.0-only']);
    assert.deepEqual(apkTools.source, { name: 'apk-tools', version: '2.12.10-r1' });
    assert.deepEqual(apkTools.dependsOn, [
      'pkg:apk/alpine/musl@1.2.3-r4?arch=x86_64&distro=alpine-3.17.3',
    ]);
    assert.equal(apkTools.ecosystem, 'Alpine');
  });

  it('reads the corpus fixtures: origins, malformed records as notes', async () => {
    const multiple = await catalogTree(
      memoryTree({ '/lib/apk/db/installed': fixture('apk/multiple_installed') }),
    );
    assert.deepEqual(
      multiple.packages.map((p) => `${p.name}@${p.version}<${p.source?.name ?? ''}`).sort(),
      [
        'alpine-baselayout-data@3.4.0-r0<alpine-baselayout',
        'busybox@1.35.0-r29<busybox',
        'musl@1.2.3-r4<musl',
      ],
    );
    const malformed = await catalogTree(
      memoryTree({ '/lib/apk/db/installed': fixture('apk/malformed_installed') }),
    );
    assert.ok(
      malformed.notes.some(
        (n) => n.path === '/lib/apk/db/installed' && /^line \d+/.test(n.message),
      ),
    );
    const none = await catalogTree(
      memoryTree({ '/lib/apk/db/installed': fixture('apk/not_installed') }),
    );
    assert.equal(none.packages.length, 0);
  });
});
