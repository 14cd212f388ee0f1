import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { isCubecapeError } from '../../../../src/core/errors.js';
import { readChartArchive, safeEntryPath } from '../../../../src/ingest/helm/chart/archive.js';
import { loadChart, renderChart } from '../../../../src/ingest/helm/index.js';
import { simpleChart, tgz, writeTree, type TarEntry } from './fixtures.js';

function rejects(entries: readonly TarEntry[] | Buffer, pattern: RegExp, limits = {}): void {
  const bytes = Buffer.isBuffer(entries) ? entries : tgz(entries);
  assert.throws(
    () => readChartArchive(bytes, 'x.tgz', limits),
    (error: unknown) => isCubecapeError(error) && pattern.test(error.message),
  );
}

describe('readChartArchive', () => {
  it('reads regular files and skips directories', () => {
    const files = readChartArchive(
      tgz([
        { name: 'c/', type: '5' },
        { name: 'c/Chart.yaml', data: 'name: c' },
        { name: './c/a.txt', data: 'x' },
      ]),
      'x.tgz',
    );
    assert.deepEqual(
      files.map((f) => [f.path, f.data.toString()]),
      [
        ['c/Chart.yaml', 'name: c'],
        ['c/a.txt', 'x'],
      ],
    );
  });

  const hostile: [string, TarEntry[], RegExp][] = [
    ['path traversal', [{ name: 'c/../../etc/passwd', data: 'x' }], /traversal/],
    ['absolute path', [{ name: '/etc/passwd', data: 'x' }], /absolute/],
    ['windows drive path', [{ name: 'C:/x', data: 'x' }], /absolute/],
    ['symbolic link', [{ name: 'c/link', type: '2' }], /link/],
    ['hard link', [{ name: 'c/link', type: '1' }], /link/],
    ['truncated entry', [{ name: 'c/a', data: 'abc', size: 4096 }], /truncated/],
  ];
  for (const [name, entries, pattern] of hostile)
    it(`refuses ${name}`, () => {
      rejects(entries, pattern);
    });

  it('refuses an entry above the entry limit', () => {
    rejects([{ name: 'c/big', data: 'x'.repeat(2000) }], /larger than 1000/, {
      maxEntryBytes: 1000,
    });
  });
  it('stops a decompression bomb at the total limit', () => {
    rejects(
      tgz([{ name: 'c/zeros', data: Buffer.alloc(5_000_000) }]),
      /decompresses to more than/,
      { maxTotalBytes: 1_000_000 },
    );
  });
  it('refuses too many entries', () => {
    rejects([{ name: 'c/a' }, { name: 'c/b' }, { name: 'c/c' }], /more than 2 entries/, {
      maxEntries: 2,
    });
  });
  it('refuses data that is not gzip', () => {
    rejects(Buffer.from('plain text'), /not a gzip/);
  });
  it('reads an empty archive as no files', () => {
    assert.deepEqual(readChartArchive(gzipSync(Buffer.alloc(1024)), 'x'), []);
  });

  for (const [input, expected] of [
    ['a/./b//c', 'a/b/c'],
    ['./a', 'a'],
    ['a\\b', 'a/b'],
  ] as const)
    it(`normalises ${input}`, () => {
      assert.equal(safeEntryPath(input, 'x'), expected);
    });
});

describe('chart archives', () => {
  it('loads and renders a packaged chart', async () => {
    const files = Object.entries(simpleChart('packed')).map(([name, data]) => ({
      name: `packed/${name}`,
      data,
    }));
    const dir = writeTree({});
    const path = join(dir, 'packed-1.2.3.tgz');
    writeFileSync(path, tgz(files));
    const rendered = renderChart(await loadChart(path));
    assert.deepEqual(
      rendered.manifests.map((m) => [m.template, m.kind]),
      [['packed/templates/deployment.yaml', 'Deployment']],
    );
  });

  it('loads a packaged subchart from charts/', async () => {
    const sub = Object.entries(simpleChart('sub')).map(([name, data]) => ({
      name: `sub/${name}`,
      data,
    }));
    const dir = writeTree({
      ...simpleChart('parent'),
      'values.yaml': 'sub:\n  replicas: 7\n',
      'charts/.keep': '',
    });
    writeFileSync(join(dir, 'charts', 'sub-1.2.3.tgz'), tgz(sub), { flag: 'w' });
    const rendered = renderChart(await loadChart(dir));
    const subDoc = rendered.manifests.find(
      (m) => m.template === 'parent/charts/sub/templates/deployment.yaml',
    );
    assert.match(subDoc?.content ?? '', /replicas: 7/);
  });

  it('refuses an archive without a single top directory', async () => {
    const dir = writeTree({});
    const path = join(dir, 'bad.tgz');
    writeFileSync(
      path,
      tgz([
        { name: 'a/Chart.yaml', data: 'x' },
        { name: 'b/Chart.yaml', data: 'y' },
      ]),
    );
    await assert.rejects(
      loadChart(path),
      (error: unknown) => isCubecapeError(error) && error.code === 'FILE_UNREADABLE',
    );
  });

  it('refuses traversal inside a nested subchart archive', async () => {
    const dir = writeTree({ ...simpleChart('parent'), 'charts/.keep': '' });
    writeFileSync(join(dir, 'charts', 'evil.tgz'), tgz([{ name: 'evil/../../x', data: 'x' }]));
    await assert.rejects(loadChart(dir), /traversal/);
  });
});
