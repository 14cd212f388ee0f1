import type { ErrorCode } from '../../core/errors.js';
import type { Position, SourceMap } from '../../model/resource.js';

/** One parsed document of a file a test names, with positions for messages. */
export interface TestDocument {
  readonly value: unknown;
  readonly position?: Position | undefined;
  readonly sourceMap?: SourceMap | undefined;
}

/** A file a test reads: its path (as shown to users) and its documents. */
export interface TestFile {
  readonly path: string;
  readonly documents: readonly TestDocument[];
}

/**
 * Reads and parses a file. Throws a `CubecapeError` with an input code (FILE_UNREADABLE,
 * YAML_SYNTAX…) when the file cannot be read or parsed: the test is then incomplete, not failed.
 * The caller does the I/O; test running itself is pure.
 */
export type ReadTestFile = (path: string) => Promise<TestFile>;

/** A verdict a test may expect. `warn` is Kyverno's result for unscored (Audit) failures. */
export type TestResult = 'pass' | 'fail' | 'skip' | 'warn' | 'error';

/**
 * What cubecape found for an expectation: a verdict, or why it could not compare: `missing`
 * (the policy or resource is not in the test's files), `no-such-rule` (the policy lacks the
 * rule), `not-checked` (the test needs features cubecape does not evaluate).
 */
export type ActualResult = TestResult | 'missing' | 'no-such-rule' | 'not-checked';

/** One expected result of one test compared with what cubecape computed. */
export interface Comparison {
  /** The test file, as given. */
  readonly testFile: string;
  /** The test's `metadata.name` (or `name`), else its file. */
  readonly test: string;
  readonly policy: string;
  /** The file the policy came from, when it was found. */
  readonly policyFile?: string | undefined;
  /** The policy's kind (`ClusterPolicy`, `ValidatingPolicy`…), when it was found. */
  readonly policyKind?: string | undefined;
  /** The Kyverno rule; empty for CEL policies. */
  readonly rule: string;
  readonly kind?: string | undefined;
  readonly resource: string;
  /** As written in the test; normally a {@link TestResult}. */
  readonly expected: string;
  readonly actual: ActualResult;
  /** The rule's message, or why there is no verdict. */
  readonly message: string;
  /** Line of the expectation in the test file, when known. */
  readonly line?: number | undefined;
}

/** A test file run: its comparisons, or why none could be made. */
export interface TestRun {
  readonly testFile: string;
  readonly test: string;
  readonly format: 'kyverno' | 'cubecape';
  readonly comparisons: readonly Comparison[];
  /** Set when the test is not evaluated at all (not validate-only, unsupported policy kinds). */
  readonly notChecked?: string | undefined;
  /** Set when the test or a file it names could not be read: the run is incomplete. */
  readonly error?: TestError | undefined;
}

/** Why a test file could not be run. */
export interface TestError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/** Counts over many test runs. */
export interface TestSummary {
  readonly tests: number;
  readonly results: number;
  readonly passed: number;
  readonly failed: number;
  /** Expectations that could not be checked (unsupported features). */
  readonly notChecked: number;
  /** Test files that could not be read or run. */
  readonly errors: number;
}
