// Loads the bundled CLI (dist/cubecape.cjs) with the V8 code cache the build made for it
// (dist/cubecape.cjs.cache), so that a run starts from compiled bytecode instead of parsing and
// compiling about 1.9 MB of JavaScript. Node.js 20 has no code cache for ES modules (its
// module.enableCompileCache() came in Node.js 22), which is why the bundle is CommonJS, compiled
// here with vm.Script the way Node.js compiles a CommonJS file, plus the cache.
//
// V8 refuses a cache made by another V8 version, under other V8 flags (a user's
// --max-old-space-size, say) or for other source text; the bundle is then compiled from source,
// as without a cache, and everything works the same, only ~30 ms slower to start. The cache is
// made by `npm run build` (scripts/bundle.mjs), under the launcher's own V8 flags.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The bundle, and the code cache beside it. */
export const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), '../dist/cubecape.cjs');
export const CODE_CACHE = `${BUNDLE}.cache`;

/** Dynamic import() in the bundle (of external packages) resolves as it would in a module. */
const importModuleDynamically =
  vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ?? ((specifier) => import(specifier));

/**
 * Compiles and runs the bundle; returns its exports, the compiled script (the build asks it for a
 * new cache) and whether the cache was used: `used`, `rejected` (compiled from source) or `none`
 * (no cache file, or `useCache` false).
 *
 * @param {{ useCache?: boolean }} [options]
 * @returns {{ exports: Record<string, unknown>, script: vm.Script, cache: 'used' | 'rejected' | 'none' }}
 */
export function loadBundle({ useCache = true } = {}) {
  const source = readFileSync(BUNDLE, 'utf8');
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(CODE_CACHE);
    } catch {
      // No cache (a build that could not make one): compile from source.
    }
  }
  // The wrapper Node.js puts around a CommonJS file, on the bundle's first line so that line
  // numbers in stack traces stay those of the file.
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: BUNDLE, cachedData, importModuleDynamically },
  );
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return { exports: module.exports, script, cache };
}
