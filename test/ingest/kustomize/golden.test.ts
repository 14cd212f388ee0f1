/**
 * Differential tests: our build of every fixture against the output of the real kustomize
 * (v5.5.0), committed as expected.yaml by scripts/regen-kustomize-golden.sh.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { buildKustomization, kustomizeText } from '../../../src/ingest/kustomize/index.js';

const ROOT = 'test/fixtures/kustomize';

function documents(text: string): unknown[] {
  return parseAllDocuments(text)
    .map((document) => document.toJS() as unknown)
    .filter((value) => value !== null && value !== undefined);
}

const cases = readdirSync(ROOT).filter((name) => existsSync(join(ROOT, name, 'expected.yaml')));

describe('kustomize build matches the real kustomize', () => {
  it('has golden cases to compare', () => {
    assert.ok(
      cases.length >= 15,
      `expected at least 15 golden cases, found ${String(cases.length)}`,
    );
  });
  for (const name of cases) {
    it(name, async () => {
      const expected = documents(readFileSync(join(ROOT, name, 'expected.yaml'), 'utf8'));
      const built = await buildKustomization(join(ROOT, name));
      // Same objects in the same (legacy) order.
      assert.deepEqual(
        built.map((resource) => resource.object),
        expected,
      );
      // What `cubecape render` prints parses back to the same stream.
      assert.deepEqual(documents(kustomizeText(built)), expected);
    });
  }
});
