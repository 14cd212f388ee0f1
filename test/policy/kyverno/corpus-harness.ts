// Runs the Kyverno CLI tests (`cli.kyverno.io/v1alpha1 Test`) of the kyverno/policies corpus
// through cubecape's policy test runner (src/policy/testing) and collects every comparison.
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import {
  fileReader,
  runTestFile,
  type Comparison as TestComparison,
} from '../../../src/policy/testing/index.js';

export interface Comparison extends TestComparison {
  /** The test's directory relative to the corpus root (`best-practices/require-labels`). */
  readonly test: string;
  /** Its first directory: the corpus category. */
  readonly category: string;
}

export interface CorpusRun {
  readonly comparisons: Comparison[];
  /** Tests left out, with why (not validate-only, unreadable…). */
  readonly excluded: { readonly test: string; readonly reason: string }[];
}

function findTests(root: string, out: string[] = []): string[] {
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) findTests(path, out);
    else if (entry.name === 'kyverno-test.yaml') out.push(path);
  }
  return out;
}

/** Runs every test of the corpus at `root`. */
export async function runCorpus(root: string): Promise<CorpusRun> {
  const run: CorpusRun = { comparisons: [], excluded: [] };
  const read = fileReader();
  for (const file of findTests(root).sort()) {
    const name = relative(root, dirname(dirname(file)));
    for (const test of await runTestFile(file, read)) {
      const reason = test.error?.message ?? test.notChecked;
      if (reason !== undefined) {
        run.excluded.push({ test: name, reason });
        continue;
      }
      const category = name.split('/')[0] ?? name;
      for (const c of test.comparisons) run.comparisons.push({ ...c, test: name, category });
    }
  }
  return run;
}
