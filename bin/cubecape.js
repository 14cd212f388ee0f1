#!/usr/bin/env node
// Thin launcher. The CLI is one bundle (dist/cubecape.cjs, built by `npm ci` through the prepare
// script), loaded with a V8 code cache so that start-up does not parse and compile it again (see
// load-bundle.js); modules inside it run only when the command needs them. V8 is tuned for a
// short-lived process first (see v8-tuning.js), before any of the bundle is compiled.
import { tuneV8 } from './v8-tuning.js';

tuneV8();
const { loadBundle } = await import('./load-bundle.js');
const { main } = loadBundle().exports;
process.exitCode = await main(process.argv.slice(2));
