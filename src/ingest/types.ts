import type { ErrorCode } from '../core/errors.js';
import type { Resource } from '../model/resource.js';
import type { ReportInput } from '../report/scan-report.js';

/** A problem met while reading input. `warning` = skipped on purpose (not Kubernetes, empty). */
export interface IngestIssue {
  readonly code: ErrorCode;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface IngestOptions {
  /** Glob patterns (gitignore-like, matched against paths relative to each scanned root). */
  readonly exclude?: readonly string[];
  /** Files larger than this are skipped with FILE_TOO_LARGE. Default 32 MiB. */
  readonly maxFileBytes?: number;
  /** Reads standard input when a path is `-`. */
  readonly readStdin?: () => Promise<string>;
  /** Called as files are read, for progress display. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface IngestResult {
  readonly resources: Resource[];
  readonly issues: IngestIssue[];
  readonly inputs: ReportInput[];
  readonly filesRead: number;
  readonly bytesRead: number;
}

export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;
