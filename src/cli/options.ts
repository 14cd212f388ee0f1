import { InvalidArgumentError } from '@commander-js/extra-typings';
import { describeError } from '../core/errors.js';
import { isSeverity, SEVERITIES, type Severity } from '../core/severity.js';
import { parsePssVersion, type PssVersion } from '../pss/index.js';
import { FORMAT_NAMES, isFormatName, type FormatName } from '../report/formatters/names.js';

/** Accumulates repeatable, comma-separated option values: `--control a,b --control c`. */
export function collectList(value: string, previous: string[] | undefined): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return [...(previous ?? []), ...items];
}

/** Accumulates a repeatable option without splitting (globs may contain commas in braces). */
export function collectRepeat(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function parseSeverity(value: string): Severity {
  const lower = value.toLowerCase();
  if (!isSeverity(lower))
    throw new InvalidArgumentError(`expected one of ${SEVERITIES.join(', ')}, got "${value}".`);
  return lower;
}

export function parseGateSeverity(value: string): Severity | 'none' {
  return value.toLowerCase() === 'none' ? 'none' : parseSeverity(value);
}

export function parseScore(value: string): number {
  const score = Number(value);
  if (value.trim() === '' || !Number.isFinite(score) || score < 0 || score > 100) {
    throw new InvalidArgumentError(`expected a score from 0 to 100, got "${value}".`);
  }
  return score;
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/** Parses sizes like `32MiB`, `512k` or `1048576`. */
export function parseSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
  const unit = SIZE_UNITS[(match?.[2] ?? 'x').toLowerCase()];
  if (!match || unit === undefined)
    throw new InvalidArgumentError(
      `expected a size such as 32MiB, 512KiB or 1048576, got "${value}".`,
    );
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes <= 0) throw new InvalidArgumentError(`expected a positive size, got "${value}".`);
  return bytes;
}

/** Parses `-f json,sarif` (comma-separated, repeatable), rejecting unknown names. */
export function parseFormats(value: string, previous: FormatName[] | undefined): FormatName[] {
  const result: FormatName[] = [...(previous ?? [])];
  for (const item of collectList(value, undefined)) {
    if (!isFormatName(item))
      throw new InvalidArgumentError(
        `expected formats from ${FORMAT_NAMES.join(', ')}, got "${item}".`,
      );
    if (!result.includes(item)) result.push(item);
  }
  return result;
}

/** Parses `--pss-version` (v1.0 … v1.37 or latest). */
export function parsePssVersionOption(value: string): PssVersion {
  try {
    return parsePssVersion(value);
  } catch (error) {
    throw new InvalidArgumentError(describeError(error));
  }
}
