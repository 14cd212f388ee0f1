import {
  apkScheme,
  compareApk,
  compareGem,
  compareNuGet,
  comparePackagist,
  comparePep440,
  compareRpm,
  compareSemVer,
  cratesScheme,
  goScheme,
  npmScheme,
  nugetScheme,
  packagistScheme,
  pep440Scheme,
  rpmScheme,
  rubygemsScheme,
  semverScheme,
  type Ordering,
  type VersionScheme,
} from '../version/index.js';
import { invalidVersion } from '../version/scheme.js';

/**
 * Remembers parsed versions so that a long OSV `versions` list is parsed once per match run
 * instead of once per package checked against it (parsing dominated matching time).
 */
function memoized<P>(
  scheme: VersionScheme<P>,
  compareParsed: (a: P, b: P) => Ordering,
): VersionScheme<P> {
  const parsed = new Map<string, P | undefined>();
  const parse = (version: string): P | undefined => {
    if (typeof version !== 'string') return undefined;
    if (parsed.has(version)) return parsed.get(version);
    const value = scheme.parse(version);
    parsed.set(version, value);
    return value;
  };
  const must = (version: string): P => {
    const value = parse(version);
    if (value === undefined) throw invalidVersion(scheme.name, version);
    return value;
  };
  return {
    name: scheme.name,
    parse,
    isValid: (version) => parse(version) !== undefined,
    compare: (a, b) => compareParsed(must(a), must(b)),
  };
}

/** Builds fresh caches for one match run; schemes without a parsed comparator pass through. */
export function schemeCache(): (scheme: VersionScheme) => VersionScheme {
  const factories = new Map<VersionScheme, () => VersionScheme>([
    [pep440Scheme, () => memoized(pep440Scheme, comparePep440)],
    [npmScheme, () => memoized(npmScheme, compareSemVer)],
    [goScheme, () => memoized(goScheme, compareSemVer)],
    [cratesScheme, () => memoized(cratesScheme, compareSemVer)],
    [semverScheme, () => memoized(semverScheme, compareSemVer)],
    [rpmScheme, () => memoized(rpmScheme, compareRpm)],
    [apkScheme, () => memoized(apkScheme, compareApk)],
    [nugetScheme, () => memoized(nugetScheme, compareNuGet)],
    [packagistScheme, () => memoized(packagistScheme, comparePackagist)],
    [rubygemsScheme, () => memoized(rubygemsScheme, compareGem)],
  ]);
  const made = new Map<VersionScheme, VersionScheme>();
  return (scheme) => {
    const existing = made.get(scheme);
    if (existing !== undefined) return existing;
    const cached = factories.get(scheme)?.() ?? scheme;
    made.set(scheme, cached);
    return cached;
  };
}
