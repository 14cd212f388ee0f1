import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { isCubecapeError } from '../../../src/core/errors.js';
import { readSbom } from '../../../src/vuln/sbom/index.js';
import { CORPUS } from './schemas.js';

const EXAMPLES = join(CORPUS, 'sbom-examples');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') && !name.startsWith('_') ? [path] : [];
  });
}

describe('SBOM readers on the real examples in the shared corpus', () => {
  const files = jsonFiles(EXAMPLES).sort();

  it('finds the examples', () => {
    assert.ok(files.length > 50, `expected many JSON examples under ${EXAMPLES}`);
  });

  it('loads every JSON file with a package count or rejects it with a coded error', () => {
    let loaded = 0;
    let packages = 0;
    const rejected = new Map<string, number>();
    const lines: string[] = [];
    for (const file of files) {
      const name = relative(EXAMPLES, file);
      try {
        const inventory = readSbom(readFileSync(file, 'utf8'), name);
        loaded++;
        packages += inventory.packages.length;
        lines.push(`${String(inventory.packages.length).padStart(5)}  ${name}`);
      } catch (error) {
        assert.ok(isCubecapeError(error), `${name}: uncoded error ${String(error)}`);
        assert.ok(['SBOM_INVALID', 'JSON_SYNTAX'].includes(error.code), name);
        assert.equal(error.file, name);
        rejected.set(error.message, (rejected.get(error.message) ?? 0) + 1);
        lines.push(`    -  ${name}: ${error.message}`);
      }
    }
    console.log(lines.join('\n'));
    console.log(
      `${String(files.length)} files: ${String(loaded)} loaded (${String(packages)} packages), ` +
        `${String(files.length - loaded)} rejected`,
    );
    assert.ok(loaded >= 40, `expected most examples to load, got ${String(loaded)}`);
    assert.ok(packages > 100);
  });

  it('reads purls, versions and dependencies of a CycloneDX 1.4 npm example', () => {
    const file = 'cyclonedx/SBOM/juice-shop/via_npm/flat/bom.1.4.json';
    const inventory = readSbom(readFileSync(join(EXAMPLES, file), 'utf8'), file);
    assert.equal(inventory.packages.length, 978);
    for (const pkg of inventory.packages) {
      assert.match(pkg.purl, /^pkg:npm\//);
      assert.equal(pkg.ecosystem, 'npm');
      assert.notEqual(pkg.version, '');
    }
    assert.ok(inventory.packages.some((p) => (p.dependsOn ?? []).length > 0));
  });

  it('notes SPDX packages without a purl instead of guessing', () => {
    const file = 'spdx/software/example8/spdx2.3/examplemaven-0.0.1.spdx.json';
    const inventory = readSbom(readFileSync(join(EXAMPLES, file), 'utf8'), file);
    assert.equal(inventory.packages.length, 0);
    assert.match(inventory.notes[0]?.message ?? '', /without a purl/);
  });
});
