// Makes dist/cubecape.cjs.cache, the V8 code cache of the bundled CLI (see bin/load-bundle.js).
// It runs under the launcher's V8 flags, since V8 only accepts a cache made under the same flags,
// and after a scan of examples/: the cache then also holds the functions a scan compiles on
// first call, not only the bundle's top level.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tuneV8 } from '../bin/v8-tuning.js';

tuneV8();
const { loadBundle, writeCodeCache } = await import('../bin/load-bundle.js');
const { exports, script } = loadBundle({ useCache: false });
const out = mkdtempSync(join(tmpdir(), 'cubecape-code-cache-'));
try {
  const code = await exports.main([
    'scan',
    'examples/',
    '-f',
    'json',
    '-o',
    join(out, 'report.json'),
    '--fail-on',
    'none',
  ]);
  if (code !== 0) throw new Error(`the warm-up scan of examples/ exited ${code}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
writeCodeCache(script);
