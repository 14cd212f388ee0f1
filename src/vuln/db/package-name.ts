/**
 * The lower-cased ecosystem name without a release suffix: `Debian:12` → `debian`.
 * The release is kept separately, because advisories for one release do not apply to another.
 */
export function baseEcosystem(ecosystem: string): string {
  return (ecosystem.split(':', 1)[0] ?? '').trim().toLowerCase();
}

/**
 * The index key for an ecosystem string: lower-cased, release suffix kept
 * (`Debian:12` → `debian:12`, `Alpine:v3.19` → `alpine:v3.19`).
 */
export function ecosystemKey(ecosystem: string): string {
  return ecosystem.trim().toLowerCase();
}

/**
 * A package name in the form each registry uses to decide that two names are the same
 * package, so lookups match however the name was spelled in the SBOM or the advisory.
 */
export function normalizePackageName(ecosystem: string, name: string): string {
  const trimmed = name.trim();
  switch (baseEcosystem(ecosystem)) {
    case 'pypi':
      // PEP 503: case-insensitive, and runs of `-`, `_`, `.` are equivalent.
      return trimmed.toLowerCase().replace(/[-_.]+/g, '-');
    case 'crates.io':
      // crates.io treats `-` and `_` as the same and ignores case when reserving names.
      return trimmed.toLowerCase().replace(/_/g, '-');
    case 'nuget':
    case 'packagist':
    case 'debian':
    case 'ubuntu':
    case 'alpine':
    case 'wolfi':
    case 'chainguard':
      return trimmed.toLowerCase();
    default:
      // npm, Go module paths, Maven coordinates, RubyGems and RPM names are case-sensitive.
      return trimmed;
  }
}
