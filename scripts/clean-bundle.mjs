// Removes the previous bundle (dist/*.mjs) before esbuild writes a new one: chunk file names carry
// content hashes, so chunks of an older build would otherwise pile up in dist/ and be packed.
import { readdirSync, rmSync } from 'node:fs';

let names = [];
try {
  names = readdirSync('dist');
} catch {
  // No dist/ yet (a fresh clone): nothing to remove.
}
for (const name of names) if (name.endsWith('.mjs')) rmSync(`dist/${name}`);
