import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runCli } from './run-cli.js';

const CATALOGUE = '/work/shared/notes/kubescape-controls.md';

interface CatalogueRow {
  readonly id: string;
  readonly name: string;
  readonly sources: readonly string[];
}

/** Rows of the catalogue table: `| C-0001 | Name | 7 High | … | M | … |`. */
function parseCatalogue(text: string): CatalogueRow[] {
  return text.split('\n').flatMap((line) => {
    const cells = line.split('|').map((cell) => cell.trim());
    const [, id, name, , , src] = cells;
    if (id === undefined || !/^C-\d{4}$/.test(id) || name === undefined || src === undefined)
      return [];
    return [{ id, name, sources: src.split('+') }];
  });
}

test('Kubescape coverage through aliases.kubescape of `list controls -f json`', async () => {
  const catalogue = parseCatalogue(readFileSync(CATALOGUE, 'utf8'));
  assert.ok(catalogue.length > 250, `parsed only ${catalogue.length} catalogue rows`);
  const run = await runCli(['list', 'controls', '-f', 'json']);
  assert.equal(run.code, 0, run.stderr);
  const controls = JSON.parse(run.stdout) as {
    id: string;
    requires?: string;
    aliases: { kubescape?: string[] };
  }[];
  const judging = new Set(
    controls.filter((c) => c.requires === undefined || c.requires === 'cluster').map((c) => c.id),
  );

  const coveredBy = new Map<string, string[]>();
  for (const control of controls)
    for (const alias of control.aliases.kubescape ?? [])
      coveredBy.set(alias, [...(coveredBy.get(alias) ?? []), control.id]);

  const known = new Set(catalogue.map((row) => row.id));
  const unknownAliases = [...coveredBy.keys()].filter((alias) => !known.has(alias));
  assert.deepEqual(unknownAliases, [], 'aliases naming Kubescape ids that do not exist');

  const wanted = catalogue.filter((row) => row.sources.includes('M') || row.sources.includes('C'));
  const lines: string[] = [];
  for (const source of ['M', 'C']) {
    const rows = wanted.filter((row) => row.sources.includes(source));
    const covered = rows.filter((row) => coveredBy.has(row.id));
    lines.push(`Src ${source}: ${covered.length}/${rows.length} covered`);
  }
  const uncovered = wanted.filter((row) => !coveredBy.has(row.id));
  const total = wanted.length - uncovered.length;
  lines.push(
    `Src M or C: ${total}/${wanted.length} covered (${((100 * total) / wanted.length).toFixed(1)}%)`,
  );
  lines.push(`uncovered (${uncovered.length}):`);
  for (const row of uncovered) lines.push(`  ${row.id} [${row.sources.join('+')}] ${row.name}`);
  const judged = wanted.filter((row) =>
    (coveredBy.get(row.id) ?? []).some((id) => judging.has(id)),
  ).length;
  lines.push(
    `judged by a control: ${judged}; listed and skipped (requires host, cloud or manual): ${total - judged}`,
  );
  console.log(lines.join('\n'));
  // Enforced: every manifest or cluster-API Kubescape id is judged or explicitly skipped.
  assert.deepEqual(
    uncovered.map((row) => row.id),
    [],
    'Kubescape M/C ids without a control',
  );
  assert.equal(total, wanted.length);
});
