import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { InventoryNote } from '../../src/vuln/inventory/types.js';
import type { FoundPackage, ParsedFile } from '../../src/vuln/catalog/found.js';
import { parsePackageLock } from '../../src/vuln/catalog/lang/npm.js';
import { parsePnpmLock } from '../../src/vuln/catalog/lang/pnpm.js';
import { parsePipfileLock, parsePoetryLock } from '../../src/vuln/catalog/lang/python.js';
import { parseRequirements } from '../../src/vuln/catalog/lang/requirements.js';
import {
  parseCargoLock,
  parseComposerLock,
  parseGemfileLock,
  parseGoMod,
  parseNugetLock,
} from '../../src/vuln/catalog/lang/simple-locks.js';
import { parseYarnLock } from '../../src/vuln/catalog/lang/yarn.js';

/**
 * Runs our lockfile parsers over osv-scanner's legacy lockfile fixtures and compares the
 * (name, version, commit) sets with the expectations derived from its tests. The expectations
 * are never edited; known, deliberate differences are listed below with their reasons.
 */
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/lockfiles', import.meta.url));
const EXPECTATIONS = `${CORPUS}/_derived/legacy-lockfile-expectations.json`;
const BAR = 0.98;

interface Expected {
  readonly Name: string;
  readonly Version: string;
  readonly Commit?: string;
}
interface Case {
  readonly test: string;
  readonly parser: string;
  readonly fixture: string;
  readonly expect: 'exact' | 'contains';
  readonly packages: readonly Expected[];
}

type Parse = (
  path: string,
  notes: InventoryNote[],
) => { name: string; version: string; commit?: string }[];

const read = (path: string): ParsedFile | undefined => {
  if (!existsSync(path)) return undefined;
  const data = readFileSync(path);
  return { path, data, text: data.toString('utf8') };
};
const viaFile =
  (parse: (file: ParsedFile, notes: InventoryNote[]) => FoundPackage[]): Parse =>
  (path, notes) => {
    const file = read(path);
    return file === undefined
      ? []
      : parse(file, notes).map((p) => ({
          name: p.name,
          version: p.version,
          ...(p.metadata?.['commit'] === undefined ? {} : { commit: p.metadata['commit'] }),
        }));
  };

/**
 * osv-scanner reports requirements.txt ranges with the range's bound as the version and
 * unconstrained requirements as `0.0.0`; our cataloger keeps only exact pins. The adapter
 * reproduces osv-scanner's convention from our parsed specifiers so the parsing itself is
 * compared (which names, which files, `-r` includes, continuations, options).
 */
const requirements: Parse = (path, notes) =>
  parseRequirements(path, (p) => read(p)?.text, notes).map((r) => ({
    name: r.name.toLowerCase().replace(/[-_.]+/g, '-'),
    version: r.version === undefined || r.operator === '!=' ? '0.0.0' : r.version,
  }));

const PARSERS: Readonly<Record<string, Parse>> = {
  ParseNpmLock: viaFile(parsePackageLock),
  ParseYarnLock: viaFile(parseYarnLock),
  ParsePnpmLock: viaFile(parsePnpmLock),
  ParseRequirementsTxt: requirements,
  ParsePipenvLock: viaFile(parsePipfileLock),
  ParsePoetryLock: viaFile(parsePoetryLock),
  ParseCargoLock: viaFile(parseCargoLock),
  ParseComposerLock: viaFile(parseComposerLock),
  ParseGemfileLock: viaFile((file) => parseGemfileLock(file)),
  ParseNuGetLock: viaFile(parseNugetLock),
  ParseGoLock: viaFile((file) => parseGoMod(file)),
};

/** Cases where we differ on purpose, by test name, with the reason. */
const LOCAL =
  "local (file:/link:/workspace) packages are the project's own code, not registry packages: we leave them out";
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  TestParseNpmLock_v2_Files: LOCAL,
  TestParseYarnLock_v1_Files: LOCAL,
  TestParseYarnLock_v2_WithPrerelease: LOCAL,
  TestParseYarnLock_v2_WithBuildString: LOCAL,
  TestParseYarnLock_v2_WithAliases: LOCAL,
  TestParseGoLock_Replacements_Local: LOCAL,
  TestParseRequirementsTxt_WithBadROption:
    'osv-scanner rejects the whole file when an -r include is missing; we keep its packages and add a note',
  TestParseRequirementsTxt_LineContinuation:
    'osv-scanner keeps a trailing "\\" in the version; pip joins the continuation line, giving 4.5\\.6 as we do',
  TestParsePnpmLock_InvalidPackagePath:
    'osv-scanner rejects the whole file for one key it cannot parse; we keep the entries we can read',
};

const key = (p: { name: string; version: string; commit?: string | undefined }): string =>
  `${p.name}@${p.version}${p.commit === undefined || p.commit === '' ? '' : `#${p.commit}`}`;

describe('lockfile conformance (osv-scanner legacy fixtures)', () => {
  const all = (JSON.parse(readFileSync(EXPECTATIONS, 'utf8')) as { cases: Case[] }).cases;
  const cases = all.filter((c) => c.parser in PARSERS);
  it('agrees with the expectations per format', (t) => {
    const perFormat = new Map<string, { agree: number; total: number }>();
    const failures: string[] = [];
    for (const c of cases) {
      const parse = PARSERS[c.parser];
      if (parse === undefined) continue;
      const notes: InventoryNote[] = [];
      let actual: Set<string>;
      try {
        actual = new Set(parse(`${CORPUS}/${c.fixture}`, notes).map(key));
      } catch (error) {
        actual = new Set([`THREW ${(error as Error).message}`]);
      }
      const expected = new Set(
        c.packages.map((p) => key({ name: p.Name, version: p.Version, commit: p.Commit })),
      );
      const missing = [...expected].filter((k) => !actual.has(k));
      const extra = c.expect === 'exact' ? [...actual].filter((k) => !expected.has(k)) : [];
      const ok = missing.length === 0 && extra.length === 0;
      const known = KNOWN_DIFFERENCES[c.test];
      const tally = perFormat.get(c.parser) ?? { agree: 0, total: 0 };
      if (known === undefined) {
        tally.total++;
        if (ok) tally.agree++;
        else failures.push(`${c.test}: missing ${missing.join(' ')} extra ${extra.join(' ')}`);
      }
      perFormat.set(c.parser, tally);
    }
    let agree = 0;
    let total = 0;
    for (const [format, tally] of [...perFormat].sort()) {
      t.diagnostic(`${format}: ${tally.agree}/${tally.total}`);
      agree += tally.agree;
      total += tally.total;
    }
    for (const [name, reason] of Object.entries(KNOWN_DIFFERENCES))
      t.diagnostic(`known: ${name}: ${reason}`);
    for (const failure of failures) t.diagnostic(`differs: ${failure}`);
    t.diagnostic(`overall: ${agree}/${total} (${((agree / total) * 100).toFixed(1)} %)`);
    assert.ok(total > 100, `expected over 100 cases, got ${total}`);
    assert.ok(agree / total >= BAR, `agreement ${agree}/${total} is below ${BAR * 100} %`);
  });
});
