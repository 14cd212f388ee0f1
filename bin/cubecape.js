#!/usr/bin/env node
// Thin launcher. The CLI is bundled (dist/cubecape.mjs and the chunks it loads on demand, built by
// `npm ci` through the prepare script): loading a few modules instead of hundreds, and only those
// the command needs, keeps start-up fast.
import { main } from '../dist/cubecape.mjs';

process.exitCode = await main(process.argv.slice(2));
