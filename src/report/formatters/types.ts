import type { ScanReport } from '../scan-report.js';

/**
 * What a formatter may know about where its output goes. Every format receives the same context
 * and ignores what does not apply to it (JSON ignores colour and width).
 */
export interface FormatContext {
  /** Emit ANSI colour codes; when false the output contains none at all. */
  readonly color: boolean;
  /** Columns available for terminal text; values out of a sensible range are clamped. */
  readonly width: number;
  /** Also list excepted and skipped findings and skipped documents, not only their counts. */
  readonly verbose?: boolean;
  /**
   * Directory the user ran the scan from: absolute paths under it are shown relative to it so
   * terminals and CI annotations resolve them; SARIF/JUnit use it as the base of file URIs.
   */
  readonly cwd?: string;
  /**
   * JUnit only: one `<testsuite>` per control (default) with a test case per resource, or one
   * per resource with a test case per control (`--junit-by resource`).
   */
  readonly junitBy?: 'control' | 'resource';
}

/** A pure rendering of a report: no I/O, same input → same output. */
export type Formatter = (report: ScanReport, ctx: FormatContext) => string;
