import type { PackageQuery } from '../match/match.js';
import type { Distro, Inventory, Package } from '../inventory/types.js';

/** OSV ecosystem of dpkg packages for a distro id (`Debian` unless the distro is Ubuntu). */
export function dpkgEcosystem(distro: Distro | undefined): string {
  return distro?.id === 'ubuntu' ? 'Ubuntu' : 'Debian';
}

/** OSV ecosystem of apk packages for a distro id. */
export function apkEcosystem(distro: Distro | undefined): string {
  if (distro?.id === 'wolfi') return 'Wolfi';
  if (distro?.id === 'chainguard') return 'Chainguard';
  return 'Alpine';
}

const RPM_ECOSYSTEMS: Readonly<Record<string, string>> = {
  rhel: 'Red Hat',
  centos: 'Red Hat',
  rocky: 'Rocky Linux',
  almalinux: 'AlmaLinux',
  sles: 'SUSE',
  sled: 'SUSE',
  'opensuse-leap': 'openSUSE',
  'opensuse-tumbleweed': 'openSUSE',
  opensuse: 'openSUSE',
  mageia: 'Mageia',
  openeuler: 'openEuler',
  azurelinux: 'Azure Linux',
  mariner: 'Azure Linux',
};

/** OSV ecosystem of rpm packages for a distro id (`Red Hat` when the distro is unknown). */
export function rpmEcosystem(distro: Distro | undefined): string {
  return RPM_ECOSYSTEMS[distro?.id ?? ''] ?? 'Red Hat';
}

/** The purl namespace of an OS package (`debian`, `alpine`, `redhat`…) for a distro. */
export function osNamespace(kind: 'deb' | 'apk' | 'rpm', distro: Distro | undefined): string {
  const id = distro?.id;
  if (kind === 'deb') return id === 'ubuntu' ? 'ubuntu' : 'debian';
  if (kind === 'apk') return id === 'wolfi' || id === 'chainguard' ? id : 'alpine';
  if (id === undefined || id === 'rhel') return 'redhat';
  return id;
}

/** The purl `distro` qualifier: `debian-12`, `alpine-3.20.3`. */
export function distroQualifier(distro: Distro | undefined): string | undefined {
  if (distro === undefined) return undefined;
  return distro.versionId === undefined ? distro.id : `${distro.id}-${distro.versionId}`;
}

const major = (version: string): string => version.split('.', 1)[0] ?? version;

/**
 * The OSV ecosystem with its release, as OSV advisories spell it: `Debian:12`,
 * `Ubuntu:22.04:LTS`, `Alpine:v3.20`, `Rocky Linux:9`, `AlmaLinux:9`, `Mageia:9`. Ecosystems
 * whose advisories carry no release usable here (language ecosystems, Wolfi, Chainguard, and
 * Red Hat, whose releases are CPE-like product streams) are returned without one; the matcher
 * then checks the package against every release's advisories.
 */
export function osvEcosystem(pkg: Package, distro?: Distro): string {
  const version = distro?.versionId;
  if (version === undefined || version === '') return pkg.ecosystem;
  switch (pkg.ecosystem) {
    case 'Debian':
      return `Debian:${major(version)}`;
    case 'Ubuntu': {
      const [year, month] = version.split('.');
      const lts = month === '04' && Number(year) % 2 === 0;
      return lts ? `Ubuntu:${version}:LTS` : `Ubuntu:${version}`;
    }
    case 'Alpine': {
      const [maj, min] = version.split('.');
      return min === undefined ? pkg.ecosystem : `Alpine:v${maj ?? ''}.${min}`;
    }
    case 'Rocky Linux':
    case 'AlmaLinux':
    case 'Mageia':
      return `${pkg.ecosystem}:${major(version)}`;
    default:
      return pkg.ecosystem;
  }
}

const OS_ECOSYSTEMS = new Set(['Debian', 'Ubuntu', 'Alpine', 'Wolfi', 'Chainguard']);

/**
 * The queries the matcher needs for an inventory. Debian, Ubuntu and Alpine advisories name
 * source packages (dpkg `Source:`, apk origin), so those packages are queried by source name
 * and source version; one query per distinct (ecosystem, name, version, purl).
 */
export function packageQueries(inventory: Inventory): PackageQuery[] {
  const queries = new Map<string, PackageQuery>();
  for (const pkg of inventory.packages) {
    const ecosystem = osvEcosystem(pkg, inventory.distro);
    const source = OS_ECOSYSTEMS.has(pkg.ecosystem) ? pkg.source : undefined;
    const name = source?.name ?? pkg.name;
    const version = source?.version ?? pkg.version;
    if (version === '') continue;
    const query: PackageQuery = { ecosystem, name, version, purl: pkg.purl };
    queries.set(JSON.stringify([ecosystem, name, version, pkg.purl]), query);
  }
  return [...queries.values()];
}
