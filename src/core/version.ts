import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * cubecape's own version, from package.json: two levels up from src/core and dist/core, one
 * level up from the single-file bundle in dist/.
 */
function readVersion(): string {
  for (const candidate of ['../../package.json', '../package.json']) {
    try {
      const manifest = require(candidate) as { name?: unknown; version?: unknown };
      if (manifest.name === 'cubecape' && typeof manifest.version === 'string')
        return manifest.version;
    } catch {
      // Not at this level; try the next.
    }
  }
  return '0.0.0-unknown';
}

export const TOOL_VERSION: string = readVersion();
