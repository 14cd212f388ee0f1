import assert from 'node:assert/strict';
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

/*
 * The other CLI tests call main() from the sources. These run the built CLI (bin/cubecape.js, the
 * bundle in dist/ and its V8 code cache, which `npm ci` builds), so that a command that fails to
 * load from the bundle, or a build that left something out, fails here rather than on a user's
 * machine.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** Runs the launcher of the build in `home` (this checkout's, unless a test copied it). */
function run(
  args: readonly string[],
  nodeOptions: readonly string[] = [],
  home = root,
): { status: number | null; stdout: string; stderr: string } {
  const bin = join(home, 'bin/cubecape.js');
  const result = spawnSync(process.execPath, [...nodeOptions, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const COMMANDS = [
  'scan',
  'list',
  'explain',
  'fix',
  'diff',
  'render',
  'db',
  'sbom',
  'vuln',
  'vex',
  'snapshot',
  'policy',
  'vap',
];

describe('the built CLI', () => {
  it('is built (run npm run build, or npm ci, first)', () => {
    for (const file of ['cubecape.cjs', 'cubecape.cjs.cache', 'osv-import-worker.cjs'])
      assert.ok(existsSync(join(root, 'dist', file)), `dist/${file} is missing`);
  });

  it('keeps the modules strict, as the ES modules they were, though bundled as CommonJS', () => {
    // A "use strict" directive counts only as the first statement of the file.
    for (const file of ['cubecape.cjs', 'osv-import-worker.cjs'])
      assert.match(readFileSync(join(root, 'dist', file), 'utf8'), /^"use strict";\n/, file);
  });

  it('is ASCII, which the launcher decodes faster than UTF-8', () => {
    for (const file of ['cubecape.cjs', 'osv-import-worker.cjs'])
      assert.ok(isAscii(readFileSync(join(root, 'dist', file))), `dist/${file} is not ASCII`);
  });

  /**
   * How the launcher's loader (of the build in `home`) compiled the bundle, in a node started
   * with `nodeOptions`.
   */
  function cacheUse(nodeOptions: readonly string[], home = root): string {
    const probe = [
      `const { tuneV8 } = await import(${JSON.stringify(pathToFileURL(join(home, 'bin/v8-tuning.js')).href)});`,
      'tuneV8();',
      `const { loadBundle } = await import(${JSON.stringify(pathToFileURL(join(home, 'bin/load-bundle.js')).href)});`,
      'process.stdout.write(loadBundle().cache);',
    ].join('\n');
    const result = spawnSync(
      process.execPath,
      [...nodeOptions, '--input-type=module', '--eval', probe],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  }

  it('starts from the V8 code cache the build made for the bundle', () => {
    assert.equal(cacheUse([]), 'used');
  });

  it('compiles the bundle from source when V8 refuses the cache (other V8 flags), and still works', () => {
    // V8 only takes a cache made under the same flags; a user's heap limit is a different flag set.
    assert.equal(cacheUse(['--max-old-space-size=300']), 'rejected');
    assert.equal(run(['--version'], ['--max-old-space-size=300']).status, 0);
    const { status, stdout } = run(
      ['scan', 'examples/', '-f', 'json'],
      ['--max-old-space-size=300'],
    );
    assert.equal(status, 1, 'the examples hold high-severity findings');
    assert.equal((JSON.parse(stdout) as { kind: string }).kind, 'ScanReport');
  });

  it('loads the Node.js built-ins a command needs before it sets its V8 flags', () => {
    // Node.js compiles its built-ins from a code cache that V8 refuses once a flag has changed:
    // each built-in loaded after tuneV8() is compiled from source, 2-3 times slower. The hook
    // notes what was loaded when the launcher sets its first flag.
    const dir = mkdtempSync(join(tmpdir(), 'cubecape-builtins-'));
    try {
      const hook = join(dir, 'hook.mjs');
      writeFileSync(
        hook,
        [
          "import v8 from 'node:v8';",
          "import { syncBuiltinESMExports } from 'node:module';",
          'const set = v8.setFlagsFromString;',
          'let before;',
          'v8.setFlagsFromString = (flag) => { before ??= new Set(process.moduleLoadList); set(flag); };',
          'syncBuiltinESMExports();',
          "process.on('exit', () => {",
          "  const late = process.moduleLoadList.filter((m) => !before?.has(m) && m.startsWith('NativeModule '));",
          '  process.stderr.write(`late built-ins: ${JSON.stringify(late.map((m) => m.slice(13)))}\\n`);',
          '});',
        ].join('\n'),
      );
      // Small modules Node.js itself loads on demand at exit or for a piped stderr.
      const allowed = new Set(['process', 'internal/fs/sync_write_stream']);
      for (const args of [['--version'], ['scan', 'examples/', '-f', 'json']]) {
        const { stderr } = run(args, ['--import', pathToFileURL(hook).href]);
        const line = /^late built-ins: (.*)$/m.exec(stderr)?.[1];
        assert.ok(line !== undefined, stderr);
        const late = (JSON.parse(line) as string[]).filter((name) => !allowed.has(name));
        assert.deepEqual(late, [], `${args.join(' ')}: import these in bin/cubecape.js`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** A copy of the launcher and the bundle, whose cache a test may damage. */
  function copyOfBuild(): string {
    const home = mkdtempSync(join(tmpdir(), 'cubecape-build-'));
    mkdirSync(join(home, 'bin'));
    mkdirSync(join(home, 'dist'));
    for (const file of [
      'bin/cubecape.js',
      'bin/load-bundle.js',
      'bin/v8-tuning.js',
      'package.json',
    ])
      copyFileSync(join(root, file), join(home, file));
    for (const file of ['cubecape.cjs', 'cubecape.cjs.cache'])
      copyFileSync(join(root, 'dist', file), join(home, 'dist', file));
    symlinkSync(join(root, 'node_modules'), join(home, 'node_modules'), 'dir');
    return home;
  }

  it('refuses a damaged cache before V8 reads it, and runs from source', () => {
    // V8 does not check the cache's bytes itself: a damaged cache could crash it mid-read.
    const home = copyOfBuild();
    try {
      assert.equal(cacheUse([], home), 'used');
      const cache = join(home, 'dist/cubecape.cjs.cache');
      const bytes = readFileSync(cache);
      for (let at = 64; at < bytes.length; at += 997) bytes[at] = (bytes[at] ?? 0) ^ 0xff;
      writeFileSync(cache, bytes);
      assert.equal(cacheUse([], home), 'rejected');
      const result = run(['--version'], [], home);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /^\d+\.\d+\.\d+/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it("refuses another bundle's cache, even of the same length", () => {
    // V8 compares only the source's length: a rebuilt bundle must not run the old bytecode.
    const home = copyOfBuild();
    try {
      const bundle = join(home, 'dist/cubecape.cjs');
      const text = readFileSync(bundle, 'utf8');
      const description = 'Kubernetes security and compliance scanner';
      assert.ok(text.includes(description));
      writeFileSync(bundle, text.replace(description, description.toUpperCase()));
      assert.equal(readFileSync(bundle).length, Buffer.byteLength(text));
      assert.equal(cacheUse([], home), 'rejected');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('says the bundle is missing, with exit 2, when the CLI was never built', () => {
    const home = copyOfBuild();
    try {
      rmSync(join(home, 'dist/cubecape.cjs'));
      const result = run(['--version'], [], home);
      assert.equal(result.status, 2);
      assert.match(
        result.stderr.trimEnd().split('\n').at(-1) ?? '',
        /^cubecape: exit 2: internal error: .*dist[\\/]cubecape\.cjs is missing \(build the CLI with `npm run build`/,
      );
      assert.doesNotMatch(result.stderr, /at loadBundle/, 'no stack trace unless CUBECAPE_DEBUG');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('holds no import() of a package, which code from a code cache cannot run', () => {
    // V8 drops the hook import() needs from code it takes from a cache ("A dynamic import
    // callback was not specified"): ES-module packages are required (src/core/lazy-require.ts).
    for (const file of ['cubecape.cjs', 'osv-import-worker.cjs'])
      assert.doesNotMatch(
        readFileSync(join(root, 'dist', file), 'utf8'),
        /(?<![\w$.])import\("/,
        file,
      );
  });

  it('loads the Kubernetes client for a live cluster, with the code cache and without', () => {
    const home = mkdtempSync(join(tmpdir(), 'cubecape-kubeconfig-'));
    try {
      const kubeconfig = join(home, 'config');
      writeFileSync(
        kubeconfig,
        'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n',
      );
      for (const nodeOptions of [[], ['--max-old-space-size=300']]) {
        const { status, stderr } = run(
          ['scan', '--cluster', '--kubeconfig', kubeconfig],
          nodeOptions,
        );
        assert.equal(status, 2, stderr);
        // The client read the file and found no cluster: it loaded.
        assert.match(
          stderr.trimEnd().split('\n').at(-1) ?? '',
          /has no cluster .*\[CLUSTER_CONFIG\]$/,
        );
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('catalogues a directory holding a symlink into an SBOM', () => {
    const home = mkdtempSync(join(tmpdir(), 'cubecape-sbom-dir-'));
    try {
      mkdirSync(join(home, 'node_modules/left-pad'), { recursive: true });
      writeFileSync(
        join(home, 'node_modules/left-pad/package.json'),
        '{"name":"left-pad","version":"1.3.0"}\n',
      );
      symlinkSync('node_modules/left-pad/package.json', join(home, 'link.json'));
      const { status, stdout, stderr } = run(['sbom', home, '-f', 'cyclonedx-json']);
      assert.equal(status, 0, stderr);
      const bom = JSON.parse(stdout) as { components?: { purl?: string }[] };
      assert.ok(bom.components?.some((c) => c.purl === 'pkg:npm/left-pad@1.3.0'));
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('builds an OSV import worker that loads on its own', () => {
    // The worker does nothing without its workerData: starting it proves the file and its
    // requires resolve, which a pipelined import (10,000 records and more) depends on.
    const worker = pathToFileURL(join(root, 'dist/osv-import-worker.cjs')).href;
    const result = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '--eval',
        `import { Worker } from 'node:worker_threads';\nnew Worker(new URL(${JSON.stringify(worker)})).on('exit', (code) => process.stdout.write(String(code)));`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '0');
  });

  it('prints its version without loading any command', () => {
    const { status, stdout } = run(['--version']);
    assert.equal(status, 0);
    assert.match(stdout, /^\d+\.\d+\.\d+/);
  });

  it('lists every command in --help', () => {
    const { status, stdout } = run(['--help']);
    assert.equal(status, 0);
    for (const command of COMMANDS) assert.match(stdout, new RegExp(`^  ${command} `, 'm'));
  });

  for (const command of COMMANDS) {
    it(`loads the ${command} command`, () => {
      const { status, stdout } = run([command, '--help']);
      assert.equal(status, 0);
      assert.match(stdout, new RegExp(`^Usage: cubecape ${command} `, 'm'));
    });
  }

  it('suggests the right command for a typo, having loaded them all', () => {
    const { status, stderr } = run(['scna']);
    assert.equal(status, 2);
    assert.match(stderr, /Did you mean scan\?/);
  });

  it('scans the examples into several formats, each formatter loaded on demand', () => {
    const out = mkdtempSync(join(tmpdir(), 'cubecape-bundle-'));
    try {
      const { status } = run(['scan', 'examples/', '-f', 'json,html,sarif,junit', '-o', out]);
      assert.equal(status, 1, 'the examples hold high-severity findings');
      const report = JSON.parse(readFileSync(join(out, 'cubecape-report.json'), 'utf8')) as {
        summary: { resources: number };
      };
      assert.ok(report.summary.resources > 0);
      assert.match(readFileSync(join(out, 'cubecape-report.html'), 'utf8'), /<html/);
      assert.match(
        readFileSync(join(out, 'cubecape-report.sarif'), 'utf8'),
        /"version": "2\.1\.0"/,
      );
      assert.match(readFileSync(join(out, 'cubecape-report.junit.xml'), 'utf8'), /<testsuites/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
