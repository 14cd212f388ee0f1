import { apkScheme } from './apk.js';
import { dpkgScheme } from './dpkg.js';
import { mavenScheme } from './maven.js';
import { nugetScheme } from './nuget.js';
import { packagistScheme } from './packagist.js';
import { pep440Scheme } from './pep440.js';
import { rpmScheme } from './rpm.js';
import { rubygemsScheme } from './rubygems.js';
import type { VersionScheme } from './scheme.js';
import { cratesScheme, goScheme, npmScheme, semverScheme } from './semver.js';

/**
 * OSV ecosystem names (the part before any `:` suffix such as `Debian:12`, `Alpine:v3.19` or
 * `Red Hat:rhel_aus:8.4::appstream`) and the version order each one uses.
 */
const SCHEMES: Readonly<Record<string, VersionScheme>> = {
  npm: npmScheme,
  pypi: pep440Scheme,
  go: goScheme,
  maven: mavenScheme,
  'crates.io': cratesScheme,
  nuget: nugetScheme,
  rubygems: rubygemsScheme,
  packagist: packagistScheme,
  hex: cratesScheme,
  kubernetes: semverScheme,
  debian: dpkgScheme,
  ubuntu: dpkgScheme,
  alpine: apkScheme,
  wolfi: apkScheme,
  chainguard: apkScheme,
  'red hat': rpmScheme,
  almalinux: rpmScheme,
  'rocky linux': rpmScheme,
  opensuse: rpmScheme,
  suse: rpmScheme,
  mageia: rpmScheme,
  'photon os': rpmScheme,
  openeuler: rpmScheme,
};

/** Every ecosystem name `versionSchemeFor` knows, lower-cased. */
export const KNOWN_ECOSYSTEMS: readonly string[] = Object.keys(SCHEMES);

/**
 * The version scheme for an OSV ecosystem string, or `undefined` when we do not know how that
 * ecosystem orders versions (callers should then report the match as unknown, never guess).
 * Names match case-insensitively; release suffixes after `:` are ignored.
 */
export function versionSchemeFor(osvEcosystem: string): VersionScheme | undefined {
  if (typeof osvEcosystem !== 'string') return undefined;
  const base = osvEcosystem.split(':', 1)[0]?.trim().toLowerCase() ?? '';
  return Object.hasOwn(SCHEMES, base) ? SCHEMES[base] : undefined;
}
