import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** cubecape's own version, from package.json (works from src/ under tsx and from dist/). */
export const TOOL_VERSION: string = (require('../../package.json') as { version: string }).version;
