import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { builtinControls } from '../src/controls/index.js';
import { CONTROL_DOCS_DIR, renderControlDocs } from '../src/docs/control-docs.js';
import { builtinFrameworks } from '../src/frameworks/index.js';

/** The repository root. */
export const repositoryRoot = fileURLToPath(new URL('../', import.meta.url));

/**
 * Every generated control page by file name, formatted as `npm run format` would leave it, so
 * the committed pages pass `format:check` and regenerating them is a no-op.
 */
export async function generateControlPages(): Promise<Map<string, string>> {
  const pages = renderControlDocs(builtinControls, builtinFrameworks);
  const options = await resolveConfig(join(repositoryRoot, CONTROL_DOCS_DIR, 'README.md'));
  const formatted = new Map<string, string>();
  for (const [name, text] of pages)
    formatted.set(name, await format(text, { ...options, parser: 'markdown' }));
  return formatted;
}
