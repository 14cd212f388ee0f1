import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { discoverFiles } from '../../src/ingest/discover.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { decodeText, readRegularFile } from '../../src/ingest/read-input.js';
import type { IngestIssue, IngestResult } from '../../src/ingest/types.js';

const configMap = (name: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

let root = '';

/** Writes `files` (path → content) under a fresh directory and returns it. */
function tree(files: Readonly<Record<string, string | Uint8Array>>): string {
  const dir = mkdtempSync(join(root, 'tree-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Paths relative to `dir`, in the order they were read. */
function namesIn(result: IngestResult, dir: string): string[] {
  return result.resources.map((resource) => relative(dir, resource.origin?.file ?? ''));
}

function codes(issues: readonly IngestIssue[]): string[] {
  return issues.map((issue) => issue.code);
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'cubecape-ingest-'));
});
after(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('discovery', () => {
  test('directories recursively, sorted, manifest extensions only, node_modules and .git skipped', async () => {
    const dir = tree({
      'b.yaml': configMap('b'),
      'a.yml': configMap('a'),
      'c.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }),
      'README.md': configMap('readme'),
      'notes.txt': configMap('txt'),
      'sub/deeper/d.YAML': configMap('d'),
      'node_modules/pkg/x.yaml': configMap('nm'),
      '.git/objects/y.yaml': configMap('git'),
    });
    const result = await ingestPaths([dir], {});
    assert.deepEqual(namesIn(result, dir), ['a.yml', 'b.yaml', 'c.json', 'sub/deeper/d.YAML']);
    assert.deepEqual(result.issues, []);
    assert.equal(result.filesRead, 4);
    assert.ok(result.bytesRead > 0);
    assert.deepEqual(result.inputs, [{ type: 'file', target: dir }]);
  });

  test('a file named explicitly is read whatever its extension', async () => {
    const dir = tree({ 'manifest.txt': configMap('explicit') });
    const result = await ingestPaths([join(dir, 'manifest.txt')], {});
    assert.deepEqual(
      result.resources.map((r) => r.name),
      ['explicit'],
    );
    assert.equal(result.resources[0]?.origin?.file, join(dir, 'manifest.txt'));
  });

  test('relative arguments stay relative in origins', async () => {
    const dir = tree({ 'k8s/app.yaml': configMap('rel') });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const result = await ingestPaths(['k8s', './k8s/app.yaml'], {});
      assert.deepEqual(
        result.resources.map((r) => r.origin?.file),
        ['k8s/app.yaml'],
      );
      assert.deepEqual(
        result.inputs.map((i) => i.target),
        ['k8s', './k8s/app.yaml'],
      );
    } finally {
      process.chdir(cwd);
    }
  });

  test('--exclude: gitignore-like, relative to the scanned root', async () => {
    const dir = tree({
      'keep.yaml': configMap('keep'),
      'app.test.yaml': configMap('test'),
      'overlays/dev/x.yaml': configMap('dev'),
      'overlays/prod/x.yaml': configMap('prod'),
      'charts/templates/t.yaml': configMap('template'),
      'nested/charts/c.yaml': configMap('nested-charts'),
    });
    const result = await ingestPaths([dir], {
      exclude: ['*.test.yaml', 'overlays/dev', 'charts/'],
    });
    assert.deepEqual(namesIn(result, dir), ['keep.yaml', 'overlays/prod/x.yaml']);
  });

  test('.cubecapeignore in the root and subdirectories, with comments and negation', async () => {
    const dir = tree({
      '.cubecapeignore': '# generated output\ngenerated/\n*.bak.yaml\n!keep.bak.yaml\n',
      'a.yaml': configMap('a'),
      'old.bak.yaml': configMap('bak'),
      'keep.bak.yaml': configMap('kept'),
      'generated/g.yaml': configMap('gen'),
      'team/.cubecapeignore': 'local.yaml\n/only-here.yaml\n',
      'team/local.yaml': configMap('local'),
      'team/only-here.yaml': configMap('here'),
      'team/sub/only-here.yaml': configMap('sub-here'),
      'other/local.yaml': configMap('other-local'),
    });
    const result = await ingestPaths([dir], {});
    assert.deepEqual(namesIn(result, dir), [
      'a.yaml',
      'keep.bak.yaml',
      'other/local.yaml',
      'team/sub/only-here.yaml',
    ]);
  });

  test('glob arguments, with excludes applied to the matches', async () => {
    const dir = tree({
      'apps/a/deploy.yaml': configMap('a'),
      'apps/b/deploy.yaml': configMap('b'),
      'apps/b/skip/deploy.yaml': configMap('skip'),
      'apps/b/values.txt': configMap('txt'),
      'apps/node_modules/deploy.yaml': configMap('nm'),
    });
    const result = await ingestPaths([join(dir, 'apps/**/deploy.yaml')], { exclude: ['skip/'] });
    assert.deepEqual(namesIn(result, dir), ['apps/a/deploy.yaml', 'apps/b/deploy.yaml']);
    const none = await ingestPaths([join(dir, 'nothing/*.yaml')], {});
    assert.deepEqual(codes(none.issues), ['PATH_NOT_FOUND']);
  });

  test('a path that exists is not treated as a glob', async () => {
    const dir = tree({ '[x].yaml': configMap('brackets'), 'x.yaml': configMap('plain') });
    const result = await ingestPaths([join(dir, '[x].yaml')], {});
    assert.deepEqual(
      result.resources.map((r) => r.name),
      ['brackets'],
    );
  });

  test('stdin with `-`, once, alongside files', async () => {
    const dir = tree({ 'f.yaml': configMap('file') });
    let reads = 0;
    const readStdin = (): Promise<string> => {
      reads += 1;
      return Promise.resolve(configMap('from-stdin'));
    };
    const result = await ingestPaths(['-', dir, '-'], { readStdin });
    assert.deepEqual(
      result.resources.map((r) => [r.name, r.origin?.file]),
      [
        ['from-stdin', '-'],
        ['file', join(dir, 'f.yaml')],
      ],
    );
    assert.equal(reads, 1);
    assert.deepEqual(
      result.inputs.map((i) => i.type),
      ['stdin', 'file', 'stdin'],
    );
    const unavailable = await ingestPaths(['-'], {});
    assert.deepEqual(codes(unavailable.issues), ['FILE_UNREADABLE']);
  });

  test('a missing path → PATH_NOT_FOUND, and the rest is still read', async () => {
    const dir = tree({ 'ok.yaml': configMap('ok') });
    const missing = join(dir, 'missing.yaml');
    const result = await ingestPaths([missing, dir], {});
    assert.deepEqual(
      result.resources.map((r) => r.name),
      ['ok'],
    );
    assert.deepEqual(
      result.issues.map((i) => [i.code, i.severity, i.file]),
      [['PATH_NOT_FOUND', 'error', missing]],
    );
  });

  test('broken symlinks → BROKEN_SYMLINK, named or found in a directory', async () => {
    const dir = tree({ 'ok.yaml': configMap('ok') });
    symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'dangling.yaml'));
    const inDirectory = await ingestPaths([dir], {});
    assert.deepEqual(
      inDirectory.resources.map((r) => r.name),
      ['ok'],
    );
    assert.deepEqual(
      inDirectory.issues.map((i) => [i.code, i.file]),
      [['BROKEN_SYMLINK', join(dir, 'dangling.yaml')]],
    );
    const named = await ingestPaths([join(dir, 'dangling.yaml')], {});
    assert.deepEqual(codes(named.issues), ['BROKEN_SYMLINK']);
  });

  test('symlink loops terminate; linked files are read once', async () => {
    const dir = tree({ 'real/a.yaml': configMap('a') });
    symlinkSync(join(dir, 'real'), join(dir, 'real/loop'));
    symlinkSync('..', join(dir, 'real/up'));
    symlinkSync(join(dir, 'real/a.yaml'), join(dir, 'alias.yaml'));
    symlinkSync(join(dir, 'self.yaml'), join(dir, 'self.yaml'));
    const result = await ingestPaths([dir], {});
    assert.deepEqual(
      result.resources.map((r) => r.name),
      ['a'],
    );
    assert.deepEqual(codes(result.issues), ['BROKEN_SYMLINK']);
  });

  test('a pipe where a manifest is expected → FILE_UNREADABLE, without blocking', async () => {
    // Running as root, permission bits cannot make a file unreadable; a FIFO in a walked
    // directory is the honest stand-in: opening it would block, so it must be reported.
    const dir = tree({ 'ok.yaml': configMap('ok') });
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const result = await ingestPaths([dir], {});
    assert.deepEqual(
      result.resources.map((r) => r.name),
      ['ok'],
    );
    assert.deepEqual(
      result.issues.map((i) => [i.code, i.file]),
      [['FILE_UNREADABLE', join(dir, 'pipe.yaml')]],
    );
  });

  test('a file that vanishes between listing and reading → FILE_UNREADABLE', async () => {
    const outcome = await readRegularFile(join(root, 'vanished.yaml'), 1024);
    assert.equal(outcome.ok, false);
    assert.equal(outcome.issue.code, 'FILE_UNREADABLE');
    const directory = await readRegularFile(root, 1024);
    assert.equal(directory.ok ? undefined : directory.issue.code, 'FILE_UNREADABLE');
  });

  test('a pipe named explicitly is read as a stream (process substitution)', async () => {
    const dir = tree({});
    const pipe = join(dir, 'fifo');
    execFileSync('mkfifo', [pipe]);
    const writer = import('node:fs/promises').then((fs) => fs.writeFile(pipe, configMap('piped')));
    const result = await ingestPaths([pipe], {});
    await writer;
    assert.deepEqual(
      result.resources.map((r) => r.name),
      ['piped'],
    );
  });

  test('binary files → FILE_BINARY', async () => {
    const dir = tree({
      'nul.yaml': Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01, 0x02]),
      'noise.yaml': Buffer.from(Array.from({ length: 4096 }, (_, i) => 0x80 + (i % 64))),
      'latin1.yaml': Buffer.concat([
        Buffer.from(configMap('latin')),
        Buffer.from([0x23, 0x20, 0xe9, 0x0a]),
      ]),
      'ok.yaml': configMap('ok'),
    });
    const result = await ingestPaths([dir], {});
    assert.deepEqual(
      result.resources.map((r) => r.name),
      ['latin', 'ok'],
    );
    assert.deepEqual(
      result.issues.map((i) => [i.code, relative(dir, i.file ?? '')]),
      [
        ['FILE_BINARY', 'noise.yaml'],
        ['FILE_BINARY', 'nul.yaml'],
      ],
    );
    assert.equal(result.filesRead, 2);
  });

  test('UTF-16 with a byte order mark is decoded', () => {
    const text = configMap('wide');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const decoded = decodeText(utf16, 'w.yaml');
    assert.equal(decoded.ok ? decoded.text.replace(/^\uFEFF/, '') : undefined, text);
  });

  test('files above maxFileBytes → FILE_TOO_LARGE, the rest read', async () => {
    const dir = tree({ 'big.yaml': configMap('x'.repeat(500)), 'small.yaml': configMap('s') });
    const result = await ingestPaths([dir], { maxFileBytes: 200 });
    assert.deepEqual(
      result.resources.map((r) => r.name),
      ['s'],
    );
    assert.deepEqual(
      result.issues.map((i) => [i.code, relative(dir, i.file ?? '')]),
      [['FILE_TOO_LARGE', 'big.yaml']],
    );
    const stdin = await ingestPaths(['-'], {
      maxFileBytes: 10,
      readStdin: () => Promise.resolve(configMap('s')),
    });
    assert.deepEqual(codes(stdin.issues), ['FILE_TOO_LARGE']);
  });

  test('parse issues carry the file path as given', async () => {
    const dir = tree({ 'bad.yaml': `${configMap('a')}---\na: 1\na: 2\n` });
    const result = await ingestPaths([dir], {});
    assert.deepEqual(
      result.issues.map((i) => [i.code, i.file, i.line]),
      [['YAML_DUPLICATE_KEY', join(dir, 'bad.yaml'), 7]],
    );
  });

  test('progress is reported as files complete', async () => {
    const dir = tree({
      'a.yaml': configMap('a'),
      'b.yaml': configMap('b'),
      'c.yaml': configMap('c'),
    });
    const calls: [number, number][] = [];
    await ingestPaths([dir], { onProgress: (done, total) => calls.push([done, total]) });
    assert.deepEqual(calls, [
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  test('ids collide across files deterministically', async () => {
    const dir = tree({ 'a.yaml': configMap('same'), 'b.yaml': configMap('same') });
    const first = await ingestPaths([dir], {});
    const second = await ingestPaths([dir], {});
    assert.deepEqual(
      first.resources.map((r) => r.id),
      ['core/ConfigMap//same', `core/ConfigMap//same@${join(dir, 'b.yaml')}#0`],
    );
    assert.deepEqual(
      second.resources.map((r) => r.id),
      first.resources.map((r) => r.id),
    );
  });

  test('the same file given twice is read once', async () => {
    const dir = tree({ 'a.yaml': configMap('a') });
    const result = await ingestPaths([join(dir, 'a.yaml'), dir, join(dir, '.', 'a.yaml')], {});
    assert.deepEqual(
      result.resources.map((r) => r.id),
      ['core/ConfigMap//a'],
    );
  });

  test('a directory of 10,000 empty files is handled well under 2 s', async () => {
    const dir = tree({});
    for (let index = 0; index < 10_000; index += 1)
      writeFileSync(join(dir, `f${String(index).padStart(5, '0')}.yaml`), '');
    const started = performance.now();
    const result = await ingestPaths([dir], {});
    const elapsed = performance.now() - started;
    assert.equal(result.filesRead, 10_000);
    assert.deepEqual(result.resources, []);
    assert.deepEqual(result.issues, []);
    // The bound is 2 s on an idle machine. On a loaded one the syscalls alone (open, fstat, read,
    // close of 10,000 files) can take longer, so the same work done by plain fs calls right after
    // calibrates it: ingest may cost at most 4x that, i.e. no per-file overhead of its own.
    const calibrationStarted = performance.now();
    for (const name of readdirSync(dir)) readFileSync(join(dir, name), 'utf8');
    const calibration = performance.now() - calibrationStarted;
    assert.ok(
      elapsed < Math.max(2000, 4 * calibration),
      `took ${elapsed.toFixed(0)} ms (plain reads of the same files: ${calibration.toFixed(0)} ms)`,
    );
  });

  test('discoverFiles alone lists in deterministic order', async () => {
    const dir = tree({ 'z/a.yaml': '', 'a/z.yaml': '', 'm.yaml': '' });
    const { files } = await discoverFiles([dir]);
    assert.deepEqual(
      files.map((f) => relative(dir, f.path)),
      ['a/z.yaml', 'm.yaml', 'z/a.yaml'],
    );
  });
});
