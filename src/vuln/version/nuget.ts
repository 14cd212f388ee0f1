import { comparePrerelease } from './semver.js';
import {
  compareDigits,
  compareStrings,
  defineScheme,
  type Ordering,
  type VersionScheme,
} from './scheme.js';

/** A NuGet version: four numbers (missing ones are 0) and pre-release labels. */
export interface NuGetVersion {
  readonly parts: readonly [string, string, string, string];
  readonly prerelease: readonly string[];
}

const LABEL = '[0-9A-Za-z-]+';
const PATTERN = new RegExp(
  `^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:\\.(\\d+))?` +
    `(?:-(${LABEL}(?:\\.${LABEL})*))?(?:\\+(${LABEL}(?:\\.${LABEL})*))?$`,
);

/**
 * Parses like `NuGetVersion.TryParse`: one to four numeric parts (leading zeros allowed, so
 * `1.01` is `1.1.0.0`), optional pre-release labels and build metadata after `+`.
 */
export function parseNuGet(input: string): NuGetVersion | undefined {
  const m = PATTERN.exec(input.trim());
  if (m === null) return undefined;
  const [, a = '0', b = '0', c = '0', d = '0', pre] = m;
  return { parts: [a, b, c, d], prerelease: pre === undefined ? [] : pre.split('.') };
}

const ignoreCase = (x: string, y: string): Ordering =>
  compareStrings(x.toLowerCase(), y.toLowerCase());

/** NuGet order: numbers, then release above pre-release, then labels case-insensitively. */
export function compareNuGet(a: NuGetVersion, b: NuGetVersion): Ordering {
  for (let i = 0; i < 4; i++) {
    const result = compareDigits(a.parts[i] ?? '0', b.parts[i] ?? '0');
    if (result !== 0) return result;
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    if (a.prerelease.length === b.prerelease.length) return 0;
    return a.prerelease.length === 0 ? 1 : -1;
  }
  return comparePrerelease(a.prerelease, b.prerelease, ignoreCase);
}

/** NuGet packages. */
export const nugetScheme: VersionScheme<NuGetVersion> = defineScheme(
  'nuget',
  parseNuGet,
  compareNuGet,
);
