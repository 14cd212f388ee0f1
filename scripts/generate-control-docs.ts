/**
 * Writes docs/controls/<id>.md for every built-in control and the index page, and deletes pages
 * of controls that no longer exist. `--check` writes nothing and exits 1 when the committed pages
 * differ from what would be generated.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTROL_DOCS_DIR } from '../src/docs/control-docs.js';
import { generateControlPages, repositoryRoot } from './control-docs-pages.js';

const directory = join(repositoryRoot, CONTROL_DOCS_DIR);
const check = process.argv.includes('--check');

const pages = await generateControlPages();
const existing = (await readdir(directory).catch(() => [] as string[])).filter((name) =>
  name.endsWith('.md'),
);
const stale = existing.filter((name) => !pages.has(name));
const changed: string[] = [];
for (const [name, text] of pages) {
  const current = await readFile(join(directory, name), 'utf8').catch(() => undefined);
  if (current !== text) changed.push(name);
}

if (check) {
  for (const name of [...changed, ...stale])
    console.error(`out of date: ${CONTROL_DOCS_DIR}/${name}`);
  if (changed.length + stale.length > 0) {
    console.error('run `npm run docs:controls` and commit the result');
    process.exit(1);
  }
} else {
  for (const name of changed) await writeFile(join(directory, name), pages.get(name) ?? '');
  for (const name of stale) await rm(join(directory, name));
  console.log(
    `${CONTROL_DOCS_DIR}: ${pages.size} pages, ${changed.length} written, ${stale.length} removed`,
  );
}
