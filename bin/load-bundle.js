// Loads the bundled CLI (dist/cubecape.cjs) with the V8 code cache the build made for it
// (dist/cubecape.cjs.cache), so that a run starts from compiled bytecode instead of parsing and
// compiling about 1.9 MB of JavaScript. Node.js 20 has no code cache for ES modules (its
// module.enableCompileCache() came in Node.js 22), which is why the bundle is CommonJS, compiled
// here with vm.Script the way Node.js compiles a CommonJS file, plus the cache.
//
// V8 refuses a cache made by another V8 version or under other V8 flags (a user's
// --max-old-space-size, say); the bundle is then compiled from source, as without a cache, and
// everything works the same, only ~30 ms slower to start. What V8 does not check is the cache's
// own bytes (a damaged cache can crash the process or run wrong code) nor the source beyond its
// length, so the cache file starts with a SHA-256 digest of the bundle and the cache, checked
// before V8 sees either. The cache is made by `npm run build` (scripts/code-cache.mjs), under
// the launcher's own V8 flags.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The bundle, and the code cache beside it. */
export const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), '../dist/cubecape.cjs');
export const CODE_CACHE = `${BUNDLE}.cache`;

const DIGEST_BYTES = 32;

/** What the cache file's first bytes must be: binds the cache to its bytes and to the bundle. */
function digestOf(bundle, cachedData) {
  return createHash('sha256').update(bundle).update(cachedData).digest();
}

/** The V8 cache inside the cache file; undefined when the file is damaged or another bundle's. */
function verifiedCache(file, bundle) {
  if (file.length <= DIGEST_BYTES) return undefined;
  const cachedData = file.subarray(DIGEST_BYTES);
  return digestOf(bundle, cachedData).equals(file.subarray(0, DIGEST_BYTES))
    ? cachedData
    : undefined;
}

/** The bundle's text: the build makes it ASCII, which decodes faster as Latin-1 than as UTF-8. */
function source(bundle) {
  return bundle.toString(isAscii(bundle) ? 'latin1' : 'utf8');
}

/**
 * Compiles and runs the bundle; returns its exports, the compiled script (the build asks it for a
 * new cache) and how the cache went: `used`, `rejected` (damaged, another bundle's, or refused by
 * V8: compiled from source) or `none` (no cache file, or `useCache` false).
 *
 * @param {{ useCache?: boolean }} [options]
 * @returns {{ exports: Record<string, unknown>, script: vm.Script,
 *   cache: 'used' | 'rejected' | 'none' }}
 */
export function loadBundle({ useCache = true } = {}) {
  const bundle = readFileSync(BUNDLE);
  let file;
  if (useCache) {
    try {
      file = readFileSync(CODE_CACHE);
    } catch {
      // No cache (a build that could not make one): compile from source.
    }
  }
  const cachedData = file === undefined ? undefined : verifiedCache(file, bundle);
  // The wrapper Node.js puts around a CommonJS file, on the bundle's first line so that line
  // numbers in stack traces stay those of the file. The bundle holds no import(): code from a
  // code cache loses the hook that lets import() reach Node.js's loader (ESM-only packages are
  // required instead, see src/core/lazy-require.ts; a test checks the bundle).
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${source(bundle)}\n})`,
    { filename: BUNDLE, cachedData },
  );
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  const cache =
    file === undefined
      ? 'none'
      : cachedData === undefined || script.cachedDataRejected
        ? 'rejected'
        : 'used';
  return { exports: module.exports, script, cache };
}

/**
 * Writes the code cache of a script {@link loadBundle} compiled, with its digest. The file is
 * written beside the cache and renamed over it, so a reader never sees half of it.
 *
 * @param {vm.Script} script
 */
export function writeCodeCache(script) {
  const cachedData = script.createCachedData();
  const partial = `${CODE_CACHE}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.concat([digestOf(readFileSync(BUNDLE), cachedData), cachedData]));
  renameSync(partial, CODE_CACHE);
}
