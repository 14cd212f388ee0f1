/**
 * Every error code cubecape reports. Tests assert codes, never wording.
 * Input problems (`input`) make a scan incomplete (exit 3); usage problems exit 2.
 */
export const ERROR_CODES = {
  USAGE: 'usage',
  CONFIG: 'usage',
  INTERNAL: 'internal',
  UNKNOWN_CONTROL: 'usage',
  UNKNOWN_FRAMEWORK: 'usage',
  PATH_NOT_FOUND: 'input',
  FILE_UNREADABLE: 'input',
  FILE_TOO_LARGE: 'input',
  FILE_BINARY: 'input',
  BROKEN_SYMLINK: 'input',
  FILE_CHANGED: 'input',
  YAML_SYNTAX: 'input',
  YAML_DUPLICATE_KEY: 'input',
  YAML_TOO_DEEP: 'input',
  YAML_ALIAS_LIMIT: 'input',
  JSON_SYNTAX: 'input',
  NOT_KUBERNETES: 'skip',
  CONTROL_ERROR: 'input',
  NO_RESOURCES: 'input',
  INVALID_VERSION: 'input',
  TEMPLATE_PARSE: 'input',
  TEMPLATE_EXEC: 'input',
  KUSTOMIZE_BUILD: 'input',
  REPORT_INVALID: 'usage',
  EXCEPTION_INVALID: 'usage',
  EXCEPTION_EXPIRED: 'skip',
  EXCEPTION_NOT_APPLIED: 'skip',
  SBOM_INVALID: 'input',
  VEX_INVALID: 'usage',
  VULN_DB_MISSING: 'input',
  CLUSTER_CONFIG: 'usage',
  CLUSTER_UNREACHABLE: 'input',
  CLUSTER_FORBIDDEN: 'input',
  CLUSTER_API: 'input',
} as const satisfies Record<string, 'usage' | 'internal' | 'input' | 'skip'>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorDetails {
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly cause?: unknown;
}

/** The one error type of cubecape: a typed code plus where it happened. */
export class CubecapeError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(code: C, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'CubecapeError';
    this.code = code;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
  }

  /** `file:line:col: message`, omitting what is unknown. */
  get located(): string {
    if (this.file === undefined) return this.message;
    return `${locationPrefix(this)}${this.message}`;
  }
}

/**
 * `file:line:col: ` for messages, leaving out what is unknown (a column only with a line);
 * empty when nothing is known.
 */
export function locationPrefix(where: {
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}): string {
  const text = [where.file, where.line, where.line === undefined ? undefined : where.column]
    .filter((part) => part !== undefined)
    .join(':');
  return text === '' ? '' : `${text}: `;
}

export function isCubecapeError(error: unknown): error is CubecapeError {
  return error instanceof CubecapeError;
}

/** Describes any thrown value for a message, without assuming it is an Error. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
