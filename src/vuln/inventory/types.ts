/**
 * The contracts between the parts of the vulnerability pipeline:
 *
 *   target (image archive, OCI layout, registry, directory, SBOM)
 *     → FileTree (the merged filesystem, whiteouts applied)
 *     → catalogers (one per package format) → Package[]
 *     → Inventory → SBOM writers / OSV matcher / report.
 *
 * Paths inside a FileTree are absolute POSIX paths without a trailing slash (`/usr/lib/os-release`),
 * already normalised: no `.`/`..` segments, no duplicate slashes.
 */

/** One entry of the merged filesystem. */
export interface FileEntry {
  readonly path: string;
  readonly type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  /** Size in bytes of a regular file's contents (0 for other types). */
  readonly size: number;
  /** Unix permission bits (e.g. 0o755). */
  readonly mode: number;
  /** For symlinks and hardlinks: the target as written in the archive. */
  readonly linkTarget?: string;
  /** The layer that last wrote this path: its diff id (`sha256:…`), absent for a directory target. */
  readonly layer?: string;
}

/** Where a package was found. */
export interface PackageLocation {
  /** The file inside the target the package was read from (absolute, as in FileTree). */
  readonly path: string;
  /** The layer's diff id, when the target is an image. */
  readonly layer?: string;
}

/** Which cataloger produced a package (also the SBOM's "found by"). */
export type CatalogerId =
  | 'dpkg'
  | 'apk'
  | 'rpm'
  | 'npm'
  | 'yarn'
  | 'pnpm'
  | 'python'
  | 'go'
  | 'go-binary'
  | 'java'
  | 'rust'
  | 'rust-binary'
  | 'ruby'
  | 'php'
  | 'dotnet'
  | 'sbom';

/** One package. `ecosystem` is an OSV ecosystem name without release (`Debian`, `npm`, `PyPI`…). */
export interface Package {
  readonly name: string;
  readonly version: string;
  /**
   * OSV ecosystem: `Debian`, `Ubuntu`, `Alpine`, `Red Hat`, `Rocky Linux`, `AlmaLinux`, `SUSE`,
   * `Wolfi`, `npm`, `PyPI`, `Go`, `Maven`, `crates.io`, `RubyGems`, `Packagist`, `NuGet`. The
   * distro release (`Debian:12`) is added by {@link osvEcosystem} from the inventory's distro.
   */
  readonly ecosystem: string;
  /** Package URL (https://github.com/package-url/purl-spec), e.g. `pkg:deb/debian/bash@5.2-15?arch=amd64`. */
  readonly purl: string;
  readonly foundBy: CatalogerId;
  readonly locations: readonly PackageLocation[];
  /** SPDX licence ids or expressions, as declared. */
  readonly licenses?: readonly string[];
  /** Source package name and version (dpkg `Source:`, rpm source rpm, apk origin), for matching. */
  readonly source?: { readonly name: string; readonly version?: string };
  /** purls of the packages this one depends on, when the format records it. */
  readonly dependsOn?: readonly string[];
  /** Whether this is a development-only dependency (lockfile dev flags). */
  readonly dev?: boolean;
  /** Free-form extra facts (architecture, maven groupId…), kept in SBOM properties. */
  readonly metadata?: Readonly<Record<string, string>>;
}

/** The operating system the target contains, from `/etc/os-release` (or `/usr/lib/os-release`). */
export interface Distro {
  /** `ID` from os-release (`debian`, `ubuntu`, `alpine`, `rhel`, `rocky`, `almalinux`, `wolfi`…). */
  readonly id: string;
  /** `VERSION_ID` (`12`, `3.20.3`, `22.04`). */
  readonly versionId?: string;
  readonly versionCodename?: string;
  readonly prettyName?: string;
}

/** A problem met while cataloguing: never fatal, always reported. */
export interface InventoryNote {
  readonly path?: string;
  readonly message: string;
}

/** What a target contains. */
export interface Inventory {
  readonly target: TargetInfo;
  readonly distro?: Distro;
  readonly packages: readonly Package[];
  readonly notes: readonly InventoryNote[];
}

/** How a target was named and what it resolved to. */
export interface TargetInfo {
  readonly kind: 'docker-archive' | 'oci-archive' | 'oci-dir' | 'registry' | 'dir' | 'sbom';
  /** As the user wrote it, without the scheme (`alpine:3.20`, `./image.tar`). */
  readonly ref: string;
  /** Image manifest digest, when known. */
  readonly digest?: string;
  /** Layer diff ids, bottom first. */
  readonly layers?: readonly string[];
  /** `os/arch[/variant]` of an image. */
  readonly platform?: string;
  /** Image config's repo tags / the registry reference. */
  readonly names?: readonly string[];
}

/** The merged filesystem of a target. Implementations keep memory bounded (contents are streamed). */
export interface FileTree {
  readonly info: TargetInfo;
  /** Every entry of the final filesystem, by path. */
  readonly entries: ReadonlyMap<string, FileEntry>;
  /**
   * Follows symlinks (absolute and relative, at most 40 hops) to a final entry; `undefined` when the
   * path does not exist or the links loop.
   */
  resolve(path: string): FileEntry | undefined;
  /**
   * Streams the contents of the regular files `want` accepts (each at most once, in an
   * implementation-defined order). `data` is only valid during the call. Files larger than
   * `maxFileBytes` (default 512 MiB) are not read; a note says so.
   */
  walk(
    want: (entry: FileEntry) => boolean,
    visit: (entry: FileEntry, data: Buffer) => void | Promise<void>,
    options?: { readonly maxFileBytes?: number },
  ): Promise<void>;
  /** Removes temporary files. Idempotent. */
  close(): Promise<void>;
}

/**
 * A cataloger reads one package format. The orchestrator walks the tree once for all catalogers:
 * each says which files it wants, receives their contents, and returns packages at the end.
 */
export interface Cataloger {
  readonly id: CatalogerId | 'os-release';
  /** Cheap: called for every entry of the tree. */
  wants(entry: FileEntry): boolean;
  /** Called once per wanted regular file with its contents. Must not throw for bad data: add a note. */
  visit(entry: FileEntry, data: Buffer, notes: InventoryNote[]): void;
  /** Returns what was found, after every file was visited. */
  finish(tree: FileTree, notes: InventoryNote[]): Package[];
}
