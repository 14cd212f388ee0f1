import type { PackageURL } from 'packageurl-js';
import { packageUrl } from '../../core/lazy-require.js';
import { apkEcosystem, dpkgEcosystem, rpmEcosystem } from '../catalog/ecosystem.js';
import type { Distro } from '../inventory/types.js';

/** What a purl says about a package, in the terms the matcher uses. */
export interface PurlFacts {
  readonly type: string;
  /** OSV ecosystem without release (`Debian`, `npm`), or `undefined` for types OSV does not know. */
  readonly ecosystem: string | undefined;
  /** The package name as the ecosystem writes it (`@scope/name`, `group:artifact`, `module/path`). */
  readonly name: string;
  readonly version: string | undefined;
  /** The distro named by the `distro` qualifier (`debian-12`, `alpine-3.20.3`), if any. */
  readonly distro?: Distro;
  /** The source package named by the `upstream` qualifier (`openssl@3.0.11-1`), if any. */
  readonly upstream?: { readonly name: string; readonly version?: string };
}

/** OS purl types → OSV ecosystem of the namespace (the distro id), as the catalogers write them. */
const OS_TYPES: Readonly<Record<string, (namespace: string) => string>> = {
  deb: (ns) => dpkgEcosystem({ id: ns }),
  apk: (ns) => apkEcosystem({ id: ns }),
  rpm: (ns) => (ns === 'redhat' ? 'Red Hat' : rpmEcosystem({ id: ns })),
};

/** Language purl types → OSV ecosystem. */
const LANGUAGE_TYPES: Readonly<Record<string, string>> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  maven: 'Maven',
  cargo: 'crates.io',
  gem: 'RubyGems',
  composer: 'Packagist',
  nuget: 'NuGet',
  hex: 'Hex',
  pub: 'Pub',
  swift: 'SwiftURL',
};

/** `debian-12`, `alpine-3.20.3`, `ubuntu-22.04`, `rhel-9.4` → a Distro; bare codenames are kept. */
export function distroFromQualifier(value: string): Distro | undefined {
  const text = value.trim().toLowerCase();
  if (text === '') return undefined;
  const match = /^([a-z][a-z0-9._]*?)-(\d[\w.]*)$/.exec(text);
  if (match?.[1] !== undefined && match[2] !== undefined)
    return { id: match[1], versionId: match[2] };
  return { id: text };
}

function nameFor(purl: PackageURL): string {
  const namespace = purl.namespace ?? '';
  switch (purl.type) {
    case 'maven':
      return namespace === '' ? purl.name : `${namespace}:${purl.name}`;
    case 'npm':
    case 'golang':
    case 'composer':
    case 'swift':
      return namespace === '' ? purl.name : `${namespace}/${purl.name}`;
    default:
      return purl.name;
  }
}

function ecosystemFor(purl: PackageURL): string | undefined {
  const os = OS_TYPES[purl.type];
  if (os !== undefined) return os((purl.namespace ?? '').toLowerCase());
  return Object.hasOwn(LANGUAGE_TYPES, purl.type) ? LANGUAGE_TYPES[purl.type] : undefined;
}

/**
 * Reads a purl string. Returns `undefined` for text that is not a valid purl (the caller
 * reports it with its location).
 */
export function purlFacts(text: string): PurlFacts | undefined {
  let purl: PackageURL;
  try {
    purl = packageUrl().PackageURL.fromString(text);
  } catch {
    return undefined;
  }
  const qualifier = purl.qualifiers?.['distro'];
  const distro = qualifier === undefined ? undefined : distroFromQualifier(qualifier);
  const upstream = purl.qualifiers?.['upstream'];
  const at = upstream?.lastIndexOf('@') ?? -1;
  return {
    ...(upstream === undefined || upstream === ''
      ? {}
      : {
          upstream:
            at > 0
              ? { name: upstream.slice(0, at), version: upstream.slice(at + 1) }
              : { name: upstream },
        }),
    type: purl.type,
    ecosystem: ecosystemFor(purl),
    name: nameFor(purl),
    version: purl.version ?? undefined,
    ...(distro === undefined ? {} : { distro }),
  };
}

/**
 * The purl without its version, qualifiers and subpath (`pkg:npm/%40scope/a`), canonicalised,
 * for OpenVEX product matching; `undefined` when not a purl.
 */
export function purlBase(text: string): string | undefined {
  try {
    const purl = packageUrl().PackageURL.fromString(text);
    return new (packageUrl().PackageURL)(purl.type, purl.namespace, purl.name).toString();
  } catch {
    return undefined;
  }
}

/** Parses a purl into canonical parts; `undefined` when it is not one. */
export function parsePurl(
  text: string,
):
  | { base: string; version: string | undefined; qualifiers: Readonly<Record<string, string>> }
  | undefined {
  try {
    const purl = packageUrl().PackageURL.fromString(text);
    return {
      base: new (packageUrl().PackageURL)(purl.type, purl.namespace, purl.name).toString(),
      version: purl.version ?? undefined,
      qualifiers: { ...(purl.qualifiers ?? {}) },
    };
  } catch {
    return undefined;
  }
}
