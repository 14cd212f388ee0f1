#!/usr/bin/env node
// Thin launcher. The CLI is bundled (dist/cubecape.mjs and the chunks it loads on demand, built by
// `npm ci` through the prepare script): loading a few modules instead of hundreds, and only those
// the command needs, keeps start-up fast. V8 is tuned for a short-lived process first (see
// v8-tuning.js), so the bundle is imported dynamically, after that.
import { tuneV8 } from './v8-tuning.js';

tuneV8();
const { main } = await import('../dist/cubecape.mjs');
process.exitCode = await main(process.argv.slice(2));
