#!/usr/bin/env node
// Runs node's test runner over an explicit list of *.test.ts files: on Node 20, `node --test DIR`
// finds no .ts files and globs are not supported.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const suite = process.argv[2] ?? 'test';
const roots = suite === 'test-conformance' ? ['test/conformance'] : ['test'];
const skipDirs =
  suite === 'test-conformance' ? new Set() : new Set(['test/conformance', 'test/fixtures']);

function collect(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipDirs.has(path)) collect(path, out);
    } else if (entry.name.endsWith('.test.ts')) {
      out.push(path);
    }
  }
  return out;
}

const files = roots.flatMap((root) => collect(root, [])).sort();
if (files.length === 0) {
  console.error(`no test files found under ${roots.join(', ')}`);
  process.exit(2);
}
const extra = process.argv.slice(3);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...extra, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
