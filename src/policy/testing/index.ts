/**
 * Policy testing: Kyverno CLI `Test` files and cubecape `PolicyTest` files run offline, each
 * expected result compared with cubecape's verdict; and `policy validate` checks.
 */
export {
  runTestFile,
  summarize,
  agrees,
  unchecked,
  isTestFileName,
  TEST_FILE_NAMES,
} from './run.js';
export { isKyvernoTest, runKyvernoTest } from './kyverno-test.js';
export { fileReader, parseTestFile } from './read-file.js';
export {
  isCelPolicyTest,
  runCelTest,
  POLICY_TEST_API_VERSION,
  POLICY_TEST_KIND,
} from './cel-test.js';
export type {
  ActualResult,
  Comparison,
  ReadTestFile,
  TestDocument,
  TestError,
  TestFile,
  TestResult,
  TestRun,
  TestSummary,
} from './types.js';
export {
  formatTestJson,
  formatTestText,
  summaryLine,
  TEST_REPORT_API_VERSION,
  TEST_REPORT_KIND,
} from './report.js';
export { validatePolicyFile, isPolicyDocument, type PolicyFileProblem } from './validate.js';
export { validateKyvernoPolicy, type PathProblem } from './validate-kyverno.js';
