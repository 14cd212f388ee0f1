import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { isCubecapeError } from '../../../src/core/errors.js';
import type { FileEntry, FileTree } from '../../../src/vuln/inventory/types.js';
import { openTarget } from '../../../src/vuln/image/target.js';
import { DEMO_LAYERS, dockerArchive, ociArchive, ociDir, tarBytes } from './build-image.js';

let work = '';
before(async () => {
  work = await mkdtemp(join(tmpdir(), 'cubecape-image-test-'));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
});

async function contents(
  tree: FileTree,
  want: (entry: FileEntry) => boolean,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  await tree.walk(want, (entry, data) => {
    found.set(entry.path, data.toString());
  });
  return found;
}

async function checkDemo(tree: FileTree): Promise<void> {
  assert.equal(tree.info.layers?.length, 3);
  assert.equal(tree.entries.has('/tmp/secret.txt'), false, 'whiteout removes the file');
  assert.equal(tree.entries.has('/opt/cache/a'), false, 'opaque dir hides lower entries');
  assert.equal(tree.entries.get('/opt/cache/c')?.type, 'file');
  assert.equal(tree.entries.get('/etc/os-release')?.type, 'symlink');
  assert.equal(tree.resolve('/etc/os-release')?.path, '/usr/lib/os-release');
  assert.equal(tree.entries.get('/bin/bash')?.type, 'hardlink');
  assert.equal(tree.entries.get('/var/lib/dpkg/status')?.layer, tree.info.layers[2]);
  const files = await contents(
    tree,
    (entry) =>
      [
        '/var/lib/dpkg/status',
        '/usr/lib/os-release',
        '/lib/apk/db/installed',
        '/bin/bash',
      ].includes(entry.path) || entry.path.endsWith('/package.json'),
  );
  assert.equal(files.get('/var/lib/dpkg/status'), 'Package: bash\nVersion: 5.2.15-3\n\n');
  assert.equal(files.get('/usr/lib/os-release'), 'ID=debian\nVERSION_ID="12"\n');
  assert.equal(files.get('/lib/apk/db/installed'), 'P:musl\nV:1.2.4-r2\n\n');
  assert.equal(
    files.get('/app/node_modules/left-pad/package.json'),
    '{"name":"left-pad","version":"1.3.0"}',
  );
  assert.equal(files.get('/bin/bash'), 'ELF...', 'a hardlink is read through its target');
}

async function expectInputError(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isCubecapeError(error), `expected a CubecapeError, got ${String(error)}`);
    assert.ok(['FILE_UNREADABLE', 'FILE_TOO_LARGE'].includes(error.code), error.code);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('openTarget on image archives and layouts', () => {
  it('reads a docker-archive (gzip, zstd and plain layers) with whiteouts applied', async () => {
    const file = join(work, 'docker.tar');
    await dockerArchive(file, DEMO_LAYERS);
    for (const spec of [`docker-archive:${file}`, file]) {
      const tree = await openTarget(spec);
      assert.equal(tree.info.kind, 'docker-archive');
      assert.deepEqual(tree.info.names, ['demo:1']);
      await checkDemo(tree);
      await tree.close();
      await tree.close();
    }
  });

  it('reads an oci-archive and an oci-dir, detected from a bare path', async () => {
    const archive = join(work, 'oci.tar');
    await ociArchive(archive, [{ platform: 'linux/amd64', layers: DEMO_LAYERS }]);
    const tree = await openTarget(archive);
    assert.equal(tree.info.kind, 'oci-archive');
    assert.match(tree.info.digest ?? '', /^sha256:/);
    await checkDemo(tree);
    await tree.close();
    const dir = join(work, 'layout');
    await ociDir(dir, [{ platform: 'linux/amd64', layers: DEMO_LAYERS }]);
    const layout = await openTarget(dir);
    assert.equal(layout.info.kind, 'oci-dir');
    await checkDemo(layout);
    await layout.close();
  });

  it('chooses a platform from an index and lists the available ones otherwise', async () => {
    const dir = join(work, 'multi');
    const arm = [{ entries: [{ name: 'etc/arch', content: 'arm64' }] }];
    const amd = [{ entries: [{ name: 'etc/arch', content: 'amd64' }] }];
    await ociDir(dir, [
      { platform: 'linux/amd64', layers: amd },
      { platform: 'linux/arm64', layers: arm },
    ]);
    const tree = await openTarget(`oci-dir:${dir}`, { platform: 'linux/arm64' });
    assert.equal((await contents(tree, () => true)).get('/etc/arch'), 'arm64');
    assert.equal(tree.info.platform, 'linux/arm64');
    await tree.close();
    await assert.rejects(
      openTarget(`oci-dir:${dir}`, { platform: 'linux/s390x' }),
      (error: unknown) => {
        assert.ok(isCubecapeError(error));
        assert.equal(error.code, 'USAGE');
        assert.match(error.message, /linux\/amd64, linux\/arm64/);
        return true;
      },
    );
  });

  it('removes its private temp dir on close and on failure', async () => {
    const parent = await mkdtemp(join(work, 'tmp-'));
    const file = join(work, 'docker2.tar');
    await dockerArchive(file, DEMO_LAYERS);
    const tree = await openTarget(file, { tempDir: parent });
    assert.equal((await readdir(parent)).length, 1);
    await tree.close();
    assert.equal((await readdir(parent)).length, 0);
    const bad = join(work, 'bad-diff.tar');
    await dockerArchive(bad, DEMO_LAYERS, { tamperDiffId: true });
    await expectInputError(openTarget(bad, { tempDir: parent }), /diff id .*mismatch/);
    assert.equal((await readdir(parent)).length, 0);
  });

  it('rejects usage errors: sbom: targets, bad platforms, missing paths', async () => {
    for (const [spec, code] of [
      ['sbom:x.json', 'USAGE'],
      ['dir:', 'USAGE'],
      [join(work, 'missing'), 'PATH_NOT_FOUND'],
    ] as const) {
      await assert.rejects(
        openTarget(spec),
        (error: unknown) => isCubecapeError(error) && error.code === code,
      );
    }
    await assert.rejects(
      openTarget(work, { platform: 'linux' }),
      (error: unknown) => isCubecapeError(error) && error.code === 'USAGE',
    );
  });
});

describe('hostile and corrupt images', () => {
  const hostile: readonly [
    string,
    readonly { name: string; type?: 'symlink' | 'file'; linkname?: string; content?: string }[],
    RegExp,
  ][] = [
    [
      'path traversal',
      [{ name: '../../etc/passwd', content: 'x' }],
      /unsafe tar entry "..\/..\/etc\/passwd".*".."/,
    ],
    [
      'absolute path',
      [{ name: '/etc/passwd', content: 'x' }],
      /unsafe tar entry "\/etc\/passwd".*absolute/,
    ],
    [
      'symlink escape',
      [
        { name: 'evil', type: 'symlink', linkname: '../../../../tmp' },
        { name: 'evil/pwned', content: 'x' },
      ],
      /unsafe tar entry "\/evil\/pwned".*symlink \/evil/,
    ],
  ];
  for (const [name, entries, pattern] of hostile) {
    it(`rejects ${name} naming the entry`, async () => {
      const file = join(work, `${name.replace(/ /g, '-')}.tar`);
      await dockerArchive(file, [{ entries }]);
      await expectInputError(openTarget(file), pattern);
    });
  }

  it('stops a gzip bomb with the ratio limit', async () => {
    const file = join(work, 'bomb.tar');
    const zeros = Buffer.alloc(96 * 1024 * 1024);
    await dockerArchive(file, [{ entries: [{ name: 'zeros', content: zeros }] }]);
    await expectInputError(openTarget(file), /decompression bomb/);
    await expectInputError(
      openTarget(file, { limits: { maxTotalBytes: 1024 * 1024 } }),
      /maxTotalBytes/,
    );
  });

  it('stops a huge entry count', async () => {
    const file = join(work, 'many.tar');
    const entries = Array.from({ length: 5000 }, (_, index) => ({
      name: `f/${index}`,
      content: '',
    }));
    await dockerArchive(file, [{ entries }]);
    await expectInputError(openTarget(file, { limits: { maxEntries: 1000 } }), /maxEntries/);
  });

  it('gives an input error for truncated, corrupt and non-image archives', async () => {
    const good = join(work, 'good.tar');
    await ociArchive(good, [{ platform: 'linux/amd64', layers: DEMO_LAYERS }]);
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(good);
    const truncated = join(work, 'truncated.tar');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectInputError(openTarget(`oci-archive:${truncated}`), /truncated\.tar/);
    const garbage = join(work, 'garbage.tar');
    await writeFile(garbage, gzipSync(Buffer.from('not a tar at all')));
    await expectInputError(openTarget(garbage), /garbage\.tar/);
    const plain = join(work, 'plain.tar');
    await writeFile(plain, await tarBytes([{ name: 'hello.txt', content: 'hi' }]));
    await expectInputError(openTarget(plain), /without manifest\.json or oci-layout/);
    const badJson = join(work, 'bad-json.tar');
    await writeFile(badJson, await tarBytes([{ name: 'manifest.json', content: '{nope' }]));
    await expectInputError(openTarget(badJson), /manifest\.json/);
  });
});

describe('dir: targets', () => {
  it('lists a directory without following symlinks out of it', async () => {
    const root = join(work, 'rootfs');
    await mkdir(join(root, 'etc'), { recursive: true });
    await writeFile(join(root, 'etc/os-release'), 'ID=alpine\n');
    await symlink('/etc/passwd', join(root, 'etc/passwd-link'));
    await symlink('../../../../../../etc', join(root, 'up'));
    const tree = await openTarget(`dir:${root}`);
    assert.equal(tree.info.kind, 'dir');
    assert.equal(tree.entries.get('/etc/passwd-link')?.type, 'symlink');
    assert.equal(
      tree.resolve('/etc/passwd-link'),
      undefined,
      'resolved inside the root, where it does not exist',
    );
    assert.equal(tree.resolve('/up/os-release')?.path, '/etc/os-release');
    const files = await contents(tree, () => true);
    assert.deepEqual([...files.keys()], ['/etc/os-release']);
    await tree.close();
  });
});
