import { CubecapeError } from '../core/errors.js';
import type { PssVersion } from './types.js';

/** The newest policy version whose rules cubecape knows; `latest` evaluates as this one. */
export const PSS_LATEST_MINOR = 37;

const VERSION_PATTERN = /^v1\.(0|[1-9]\d{0,2})$/;

/**
 * Reads a policy version without throwing: `latest`, or `v1.<minor>` with minor 0–37 and no
 * leading zeros (the label syntax Kubernetes accepts). Undefined for anything else.
 */
export function tryParsePssVersion(text: unknown): PssVersion | undefined {
  if (typeof text !== 'string') return undefined;
  if (text === 'latest') return 'latest';
  const match = VERSION_PATTERN.exec(text);
  if (match?.[1] === undefined) return undefined;
  const minor = Number(match[1]);
  return minor <= PSS_LATEST_MINOR ? `v1.${minor}` : undefined;
}

/**
 * Validates a policy version given by a user or a namespace label.
 * @throws CubecapeError `USAGE` naming the accepted forms when the text is not one of them.
 */
export function parsePssVersion(text: unknown): PssVersion {
  const version = tryParsePssVersion(text);
  if (version !== undefined) return version;
  throw invalidVersion(text);
}

function invalidVersion(text: unknown): CubecapeError<'USAGE'> {
  const shown = typeof text === 'string' ? JSON.stringify(text) : `a ${describeType(text)}`;
  const tooNew = typeof text === 'string' && /^v1\.[1-9]\d*$/.test(text);
  const hint = tooNew
    ? `; cubecape knows the rules up to v1.${PSS_LATEST_MINOR}, use 'latest' for the newest`
    : '';
  return new CubecapeError(
    'USAGE',
    `expected a Pod Security Standards version 'latest' or v1.0 to v1.${PSS_LATEST_MINOR}, got ${shown}${hint}`,
  );
}

/**
 * The minor version whose rules apply. Versions newer than cubecape knows are evaluated with the
 * newest rules, as the upstream admission plugin does for versions newer than its own.
 * @throws CubecapeError `USAGE` for text that is not a version at all.
 */
export function resolvePssMinor(version: string): number {
  if (version === 'latest') return PSS_LATEST_MINOR;
  const match = /^v1\.(0|[1-9]\d*)$/.exec(version);
  if (match?.[1] === undefined) throw invalidVersion(version);
  return Math.min(Number(match[1]), PSS_LATEST_MINOR);
}

/** `v1.19` → 19; `latest` → the newest known minor. */
export function minorOf(version: PssVersion): number {
  return version === 'latest' ? PSS_LATEST_MINOR : Number(version.slice(3));
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}
