#!/usr/bin/env node
// Thin launcher. The CLI is bundled into one file (dist/cubecape.mjs, built by `npm ci` through
// the prepare script): loading one module instead of hundreds keeps start-up fast.
import { main } from '../dist/cubecape.mjs';

process.exitCode = await main(process.argv.slice(2));
