import { basename } from 'node:path';
import { isCubecapeError } from '../../core/errors.js';
import { isCelPolicyTest, runCelTest } from './cel-test.js';
import { isKyvernoTest, runKyvernoTest } from './kyverno-test.js';
import type { Comparison, ReadTestFile, TestRun, TestSummary } from './types.js';

/** File names found when walking directories: Kyverno's default and cubecape's own. */
export const TEST_FILE_NAMES: readonly string[] = [
  'kyverno-test.yaml',
  'kyverno-test.yml',
  'cubecape-test.yaml',
  'cubecape-test.yml',
];

/** True when a file met while walking a directory is a policy test file. */
export function isTestFileName(path: string): boolean {
  return TEST_FILE_NAMES.includes(basename(path));
}

/** True when an expectation agrees with what cubecape found. */
export function agrees(comparison: Comparison): boolean {
  return comparison.expected === comparison.actual;
}

/** True when an expectation could not be checked at all (as opposed to disagreeing). */
export function unchecked(comparison: Comparison): boolean {
  return comparison.actual === 'not-checked';
}

/**
 * Runs every test document in a test file (Kyverno `Test` or cubecape `PolicyTest`). Files that
 * cannot be read, and files with no test document, come back as runs with an `error`.
 */
export async function runTestFile(file: string, read: ReadTestFile): Promise<TestRun[]> {
  const failed = (error: TestRun['error']): TestRun[] => [
    { testFile: file, test: file, format: 'kyverno', comparisons: [], error },
  ];
  try {
    const parsed = await read(file);
    const runs: TestRun[] = [];
    for (const doc of parsed.documents) {
      const value = doc.value;
      if (isKyvernoTest(value)) runs.push(await runKyvernoTest(file, { ...doc, value }, read));
      else if (isCelPolicyTest(value)) runs.push(await runCelTest(file, { ...doc, value }, read));
    }
    if (runs.length > 0) return runs;
    return failed({
      code: 'NOT_KUBERNETES',
      message:
        'no test found: expected a cli.kyverno.io/v1alpha1 Test or a cubecape.io/v1alpha1 PolicyTest',
      file,
    });
  } catch (error) {
    if (!isCubecapeError(error)) throw error;
    const named = error.file !== undefined && error.file !== file;
    return failed({
      code: error.code,
      message: named ? `${error.message} (named in ${file})` : error.message,
      file: error.file ?? file,
      line: error.line,
      column: error.column,
    });
  }
}

/** Counts tests, expectations, agreements and disagreements. */
export function summarize(runs: readonly TestRun[]): TestSummary {
  const all = runs.flatMap((run) => run.comparisons);
  const checked = all.filter((c) => !unchecked(c));
  const passed = checked.filter(agrees).length;
  return {
    tests: runs.length,
    results: all.length,
    passed,
    failed: checked.length - passed,
    notChecked: all.length - checked.length,
    errors: runs.filter((run) => run.error !== undefined).length,
  };
}
