import { packageUrl } from '../../core/lazy-require.js';

/**
 * Builds a Package URL string (https://github.com/package-url/purl-spec); qualifiers with an
 * empty or missing value are left out, and the rest are sorted as the spec requires.
 */
export function purl(
  type: string,
  namespace: string | undefined,
  name: string,
  version: string | undefined,
  qualifiers: Readonly<Record<string, string | undefined>> = {},
  subpath?: string,
): string {
  const kept: Record<string, string> = {};
  for (const key of Object.keys(qualifiers).sort()) {
    const value = qualifiers[key];
    if (value !== undefined && value !== '') kept[key] = value;
  }
  return new (packageUrl().PackageURL)(
    type,
    namespace === '' ? undefined : namespace,
    name,
    version === '' ? undefined : version,
    Object.keys(kept).length === 0 ? undefined : kept,
    subpath,
  ).toString();
}

/** PEP 503 name normalisation: lower case, runs of `-`, `_`, `.` become one `-`. */
export function pep503(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-');
}
