export { apkScheme, compareApk, parseApk, type ApkVersion } from './apk.js';
export { compareDpkgPart, dpkgScheme, parseDpkg, type DpkgVersion } from './dpkg.js';
export {
  compareMavenItem,
  mavenScheme,
  parseMaven,
  type MavenItem,
  type MavenVersion,
} from './maven.js';
export { compareNuGet, nugetScheme, parseNuGet, type NuGetVersion } from './nuget.js';
export {
  explainAffected,
  isAffected,
  type AffectedVerdict,
  type Affectedness,
  type OsvAffected,
  type OsvEvent,
  type OsvRange,
} from './osv-range.js';
export {
  comparePackagist,
  normalizeComposer,
  packagistScheme,
  type PackagistVersion,
} from './packagist.js';
export { comparePep440, parsePep440, pep440Scheme, type Pep440Version } from './pep440.js';
export { KNOWN_ECOSYSTEMS, versionSchemeFor } from './registry.js';
export { compareRpm, parseRpm, rpmScheme, rpmvercmp, type RpmVersion } from './rpm.js';
export { compareGem, parseGem, rubygemsScheme, type GemVersion } from './rubygems.js';
export { type Ordering, type VersionScheme } from './scheme.js';
export {
  compareSemVer,
  cratesScheme,
  goScheme,
  npmScheme,
  parseSemVerStrict,
  semverScheme,
  type SemVer,
} from './semver.js';
