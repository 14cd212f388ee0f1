import type {
  Cataloger,
  Distro,
  FileTree,
  Inventory,
  InventoryNote,
  Package,
  PackageLocation,
} from '../inventory/types.js';
import { CATALOGERS, type CatalogerName } from './registry.js';
import { parseOsRelease } from './os-release.js';

export { osvEcosystem, packageQueries } from './ecosystem.js';
export { CATALOGER_NAMES, type CatalogerName } from './registry.js';

/** Options of {@link catalogTree}. */
export interface CatalogOptions {
  /** Only these catalogers (names of {@link CATALOGER_NAMES}); all when absent. */
  readonly catalogers?: readonly string[];
  /** Keep packages marked as development-only dependencies (left out by default). */
  readonly includeDev?: boolean;
}

const OS_RELEASE = ['/etc/os-release', '/usr/lib/os-release'] as const;

const byLocation = (a: PackageLocation, b: PackageLocation): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : (a.layer ?? '') < (b.layer ?? '') ? -1 : 1;

const locationKey = (l: PackageLocation): string => `${l.path}\0${l.layer ?? ''}`;

/** Same purl → one package, its locations united; dev only when every copy is dev. */
function merge(packages: readonly Package[]): Package[] {
  const merged = new Map<string, Package>();
  for (const pkg of packages) {
    const seen = merged.get(pkg.purl);
    if (seen === undefined) {
      merged.set(pkg.purl, pkg);
      continue;
    }
    const locations = new Map<string, PackageLocation>();
    for (const l of [...seen.locations, ...pkg.locations]) locations.set(locationKey(l), l);
    const dependsOn = [...new Set([...(seen.dependsOn ?? []), ...(pkg.dependsOn ?? [])])].sort();
    const { dev: _dev, ...rest } = seen;
    merged.set(pkg.purl, {
      ...rest,
      locations: [...locations.values()],
      ...(dependsOn.length === 0 ? {} : { dependsOn }),
      ...(seen.dev === true && pkg.dev === true ? { dev: true } : {}),
    });
  }
  return [...merged.values()].map((pkg) => ({
    ...pkg,
    locations: [...pkg.locations].sort(byLocation),
  }));
}

function compare(a: Package, b: Package): number {
  if (a.purl !== b.purl) return a.purl < b.purl ? -1 : 1;
  const [la, lb] = [a.locations[0]?.path ?? '', b.locations[0]?.path ?? ''];
  return la < lb ? -1 : la > lb ? 1 : 0;
}

function selectCatalogers(names: readonly string[] | undefined): CatalogerName[] {
  const all = Object.keys(CATALOGERS) as CatalogerName[];
  if (names === undefined) return all;
  const unknown = names.filter((n) => !(n in CATALOGERS));
  if (unknown.length > 0)
    throw new RangeError(
      `unknown cataloger ${unknown.join(', ')}: expected one of ${all.join(', ')}`,
    );
  return all.filter((n) => names.includes(n));
}

/**
 * Finds every package in a file tree: one walk over the tree for all catalogers, the distro
 * from os-release (`/etc` first, symlinks resolved), packages merged by purl and sorted by
 * purl then location so the same tree always gives the same inventory. Bad data never throws:
 * it becomes a note. An unknown cataloger name throws a RangeError (a usage error).
 */
export async function catalogTree(
  tree: FileTree,
  options: CatalogOptions = {},
): Promise<Inventory> {
  const notes: InventoryNote[] = [];
  let distro: Distro | undefined;
  const context = { distro: () => distro };
  const catalogers: Cataloger[] = selectCatalogers(options.catalogers).map((name) =>
    CATALOGERS[name](context),
  );
  const releasePaths = OS_RELEASE.map((p) => tree.resolve(p)?.path);
  const releases = new Map<string, Distro | undefined>();
  await tree.walk(
    (entry) => releasePaths.includes(entry.path) || catalogers.some((c) => c.wants(entry)),
    (entry, data) => {
      if (releasePaths.includes(entry.path))
        releases.set(entry.path, parseOsRelease(data.toString('utf8')));
      for (const cataloger of catalogers) {
        if (!cataloger.wants(entry)) continue;
        try {
          cataloger.visit(entry, data, notes);
        } catch (error) {
          notes.push({ path: entry.path, message: `${cataloger.id}: ${(error as Error).message}` });
        }
      }
    },
  );
  for (const path of releasePaths) {
    if (path !== undefined && distro === undefined) distro = releases.get(path);
  }
  const found: Package[] = [];
  for (const cataloger of catalogers) {
    try {
      found.push(...cataloger.finish(tree, notes));
    } catch (error) {
      notes.push({ message: `${cataloger.id}: ${(error as Error).message}` });
    }
  }
  const kept = options.includeDev === true ? found : found.filter((p) => p.dev !== true);
  return {
    target: tree.info,
    ...(distro === undefined ? {} : { distro }),
    packages: merge(kept).sort(compare),
    notes,
  };
}
