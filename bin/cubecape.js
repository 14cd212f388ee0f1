#!/usr/bin/env node
// Thin launcher. The CLI is one bundle (dist/cubecape.cjs, built by `npm ci` through the prepare
// script), loaded with a V8 code cache so that start-up does not parse and compile it again (see
// load-bundle.js); modules inside it run only when the command needs them. V8 is tuned for a
// short-lived process first (see v8-tuning.js), before any of the bundle is compiled.
//
// Node.js compiles its built-in modules from a code cache of its own, which V8 accepts only under
// the flags it was made with: once tuneV8() has set a flag, every built-in loaded afterwards is
// compiled from source, 2-3 times slower (~10 ms for the ~40 that each command needs). Static
// imports run before this module's body, so the built-ins every command loads come in here first:
// load-bundle.js brings node:crypto, node:vm and node:module, commander node:child_process.
import 'node:child_process';
import 'node:fs/promises';
import 'node:perf_hooks';
import { loadBundle } from './load-bundle.js';
import { tuneV8 } from './v8-tuning.js';

tuneV8();
let main;
try {
  ({ main } = loadBundle().exports);
} catch (error) {
  // A broken install is an internal error (exit 2), said on the last line of stderr.
  if (process.env.CUBECAPE_DEBUG) process.stderr.write(`${error?.stack ?? error}\n`);
  const why =
    error?.code === 'ENOENT'
      ? `${error.path} is missing (build the CLI with \`npm run build\`; \`npm ci\` does it)`
      : `the CLI bundle failed to load: ${error?.message ?? error}`;
  process.stderr.write(`cubecape: exit 2: internal error: ${why}\n`);
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
