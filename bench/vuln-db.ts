/**
 * `node --import tsx bench/vuln-db.ts [corpus-dir]`: import rate of the OSV corpora (Go JSON,
 * PyPA YAML, and the Go corpus as one all.zip) into a fresh SQLite file; then the issue-7 targets
 * on a 100,000-advisory set (the real advisories, copied under new ids and package names until
 * there are 100,000) imported from two all.zip archives (target >= 20,000/s), and the time to
 * match 5,000 packages against it (target <= 0.5 s). Prints wall and CPU time (all threads); asserts nothing. The 100,000 set is
 * imported twice: on one thread, then pipelined as the CLI does it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  importOsv,
  importOsvPipelined,
  validateOsvRecord,
  VulnDb,
  type PipelineOptions,
} from '../src/vuln/db/index.js';
import { readOsvSources } from '../src/vuln/db/sources.js';
import { matchPackages, type PackageQuery } from '../src/vuln/match/index.js';
import { buildZip } from '../test/vuln/db/zip-fixture.js';

const root = process.argv[2] ?? '/work/shared/corpus/osv';
const go = join(root, 'golang-vulndb');
const pypa = join(root, 'pypa-advisory-database');
const work = mkdtempSync(join(tmpdir(), 'cubecape-bench-'));

/** A minimal zip writer so the all.zip path is measured on the same data. */
function zipDirectory(dir: string): Buffer {
  const files: [string, Buffer][] = [];
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.json') || file.includes('_SOURCE')) continue;
    files.push([file.split('/').at(-1) ?? file, readFileSync(join(dir, file))]);
  }
  return zipOf(files);
}

/** A zip of `[name, contents]` pairs, deflated at level 1 as a large export would be. */
function zipOf(files: Iterable<[string, Buffer]>): Buffer {
  return buildZip(
    (function* () {
      for (const [name, text] of files) yield { name, text };
    })(),
    { level: 1 },
  );
}

async function timeImport(
  label: string,
  paths: string[],
  file: string,
  pipeline: PipelineOptions['pipeline'] = 'auto',
): Promise<VulnDb> {
  const db = VulnDb.open(join(work, file));
  const cpu = process.cpuUsage();
  // The CLI's import: a worker thread reads while this one writes (the CPU time counts both).
  const summary = await importOsvPipelined(db, paths, { pipeline });
  const used = process.cpuUsage(cpu);
  const rate = Math.round(summary.records / (summary.milliseconds / 1000));
  // CPU time too: on a shared machine the wall time mostly measures the neighbours.
  console.log(
    `${label.padEnd(24)} ${String(summary.records).padStart(6)} advisories ${summary.milliseconds.toFixed(0).padStart(6)} ms ${String(rate).padStart(7)}/s (cpu ${((used.user + used.system) / 1000).toFixed(0)} ms)`,
  );
  return db;
}

const SYNTHETIC = 100_000;

/**
 * The real Go and PyPA advisories as JSON, then copies of them with a new id and renamed packages
 * (so each package keeps a realistic number of advisories) until there are {@link SYNTHETIC}.
 */
function syntheticAdvisories(): [string, Buffer][] {
  const base: Record<string, unknown>[] = [];
  for (const item of readOsvSources([go, pypa])) {
    if ('document' in item && 'record' in validateOsvRecord(item.document))
      base.push(item.document as Record<string, unknown>);
  }
  const out: [string, Buffer][] = [];
  for (let i = 0; out.length < SYNTHETIC; i++) {
    const original = base[i % base.length];
    if (original === undefined) break;
    const copy = Math.floor(i / base.length);
    const doc = structuredClone(original);
    if (copy > 0) {
      doc['id'] = `${String(doc['id'])}-C${copy}`;
      doc['aliases'] = [];
      for (const affected of Array.isArray(doc['affected']) ? doc['affected'] : []) {
        const pkg = (affected as { package?: { name?: string } }).package;
        if (pkg?.name !== undefined) pkg.name = `${pkg.name}-c${copy}`;
      }
    }
    out.push([`${String(doc['id'])}.json`, Buffer.from(JSON.stringify(doc, null, 2))]);
  }
  return out;
}

try {
  const zipPath = join(work, 'all.zip');
  writeFileSync(zipPath, zipDirectory(go));
  (await timeImport('Go JSON files', [go], 'go.db')).close();
  (await timeImport('PyPA YAML files', [pypa], 'pypa.db')).close();
  (await timeImport('Go all.zip', [zipPath], 'zip.db')).close();
  const both = await timeImport('Go + PyPA files', [go, pypa], 'both.db');
  const again = importOsv(both, [go, pypa]);
  console.log(`re-import (unchanged)    ${again.milliseconds.toFixed(0)} ms`);
  both.close();

  // Two archives: the zip reader has no Zip64, so one archive holds at most 65,535 entries.
  // (100,000 loose files are not measured: writing them takes minutes on a shared disk.) The
  // advisories are dropped before timing, so the import runs with a heap like the CLI's.
  const bigZips = ((synthetic: [string, Buffer][]) => {
    const half = synthetic.length / 2;
    return [synthetic.slice(0, half), synthetic.slice(half)].map((files, index) => {
      const path = join(work, `osv-100k-${index}.zip`);
      writeFileSync(path, zipOf(files));
      return path;
    });
  })(syntheticAdvisories());
  (await timeImport(`${SYNTHETIC}, one thread`, bigZips, 'big-1.db', 'never')).close();
  const big = await timeImport(`${SYNTHETIC} from 2 all.zip`, bigZips, 'big.db', 'always');
  console.log(`  (target >= 20000/s)`);

  const names = [
    ...new Set(
      readdirSync(join(pypa, 'vulns'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name),
    ),
  ];
  const packages: PackageQuery[] = [];
  for (let i = 0; packages.length < 5000; i++) {
    const name = names[i % names.length] ?? 'requests';
    packages.push({ ecosystem: 'PyPI', name, version: `${i % 4}.${i % 10}.0` });
    packages.push({
      ecosystem: 'Go',
      name: 'github.com/gofiber/fiber/v2',
      version: `v2.${i % 55}.0`,
    });
  }
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const result = matchPackages(big, packages);
    console.log(
      `match ${packages.length} packages against ${SYNTHETIC} advisories, run ${run + 1}: ${(performance.now() - started).toFixed(0)} ms (target <= 500 ms), ${result.findings.length} findings`,
    );
  }
  big.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
