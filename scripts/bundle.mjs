// `npm run build`, after tsc: bundles the CLI and the OSV import worker from dist/ into
// dist/cubecape.cjs and dist/osv-import-worker.cjs (most dependencies stay external), then makes
// the bundle's V8 code cache (dist/cubecape.cjs.cache, see bin/load-bundle.js).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

// Bundles of earlier builds (code-split .mjs chunks, whose names carry content hashes, older
// caches and a cache an interrupted build left half written) would otherwise pile up in dist/
// and be packed.
for (const name of readdirSync(dist)) {
  if (/\.(mjs|cjs|cache|partial)$/.test(name)) rmSync(join(dist, name));
}

// The modules are ES modules, so strict: the directive must open the file, before the rest of the
// banner. CommonJS has no import.meta: the modules' few uses of it get the bundle file's own URL.
const banner = [
  '"use strict";',
  'const __cubecapeModuleUrl = require("node:url").pathToFileURL(__filename).href;',
  'const __cubecapeResolve = (specifier) => require("node:url").pathToFileURL(require.resolve(specifier)).href;',
].join('\n');

// Dependencies stay external (required from node_modules at run time), except the small ones every
// command loads at start-up: bundled, they are compiled from the code cache like the CLI itself,
// instead of being resolved, read and compiled from source on each run (commander: ~10 ms).
const BUNDLED = new Set(['commander', '@commander-js/extra-typings', 'picocolors']);
const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = Object.keys(dependencies)
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

buildSync({
  entryPoints: {
    cubecape: join(dist, 'cli/main.js'),
    'osv-import-worker': join(dist, 'vuln/db/osv-import-worker.js'),
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external,
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  banner: { js: banner },
  define: {
    'import.meta.url': '__cubecapeModuleUrl',
    'import.meta.resolve': '__cubecapeResolve',
  },
  logLevel: 'warning',
});

// esbuild writes strings ASCII-only, but leaves other characters in regular expressions and in the
// comments it keeps. Escaped there too, the bundle is ASCII, which the launcher decodes as Latin-1,
// ~3 ms faster than as UTF-8. A \uXXXX escape means the same character in a regular expression
// (per UTF-16 unit: with the u flag a pair of escaped surrogates still reads as one code point).
// The one place an escape would change meaning is the raw text of a tagged template
// (String.raw`…`); the bundle holds no non-ASCII character there.
for (const name of ['cubecape.cjs', 'osv-import-worker.cjs']) {
  const file = join(dist, name);
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(
    /[^\0-\x7f]/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (ascii !== text) writeFileSync(file, ascii);
}

// The cache is made in a process of its own, whose V8 flags are the launcher's.
const made = spawnSync(process.execPath, [join(root, 'scripts/code-cache.mjs')], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1', CI: '1' },
});
if (made.status !== 0) {
  process.stderr.write(made.stdout + made.stderr);
  process.stderr.write(
    'bundle: could not make the code cache; the CLI works, only starts slower\n',
  );
}
