import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Cataloger, InventoryNote, Package, PackageLocation } from '../../inventory/types.js';
import { distroQualifier, osNamespace, rpmEcosystem } from '../ecosystem.js';
import { addNote, locationOf, type CatalogContext } from '../found.js';
import { purl } from '../purl.js';
import { parseRpmHeader, parseSourceRpm, RPM_TAGS } from './rpm-header.js';

const SQLITE = '/var/lib/rpm/rpmdb.sqlite';
const UNSUPPORTED: Readonly<Record<string, string>> = {
  '/var/lib/rpm/Packages': 'Berkeley DB',
  '/var/lib/rpm/Packages.db': 'NDB',
  '/usr/lib/sysimage/rpm/Packages.db': 'NDB',
};
const ALL = new Set([SQLITE, '/usr/lib/sysimage/rpm/rpmdb.sqlite', ...Object.keys(UNSUPPORTED)]);

/** Loaded on first use, so other catalogers work where the native module did not build. */
function sqlite(): typeof Database {
  return createRequire(import.meta.url)('better-sqlite3') as typeof Database;
}

interface RpmRecord {
  readonly header: ReadonlyMap<number, string | number>;
  readonly location: PackageLocation;
}

/** Reads every header blob of an rpmdb.sqlite (copied to a private temp file for SQLite). */
function readBlobs(data: Buffer): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'cubecape-rpmdb-'));
  try {
    const file = join(dir, 'rpmdb.sqlite');
    writeFileSync(file, data, { mode: 0o600 });
    const db = new (sqlite())(file, { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare('SELECT blob FROM Packages')
        .all()
        .flatMap((row) => {
          const blob = (row as { blob?: unknown }).blob;
          return Buffer.isBuffer(blob) ? [blob] : [];
        });
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function visitSqlite(
  path: string,
  data: Buffer,
  location: PackageLocation,
  notes: InventoryNote[],
  out: RpmRecord[],
): void {
  let blobs: Buffer[];
  try {
    blobs = readBlobs(data);
  } catch (error) {
    addNote(notes, path, `cannot read the rpm SQLite database: ${(error as Error).message}`);
    return;
  }
  blobs.forEach((blob, index) => {
    try {
      const header = parseRpmHeader(blob);
      if (typeof header.get(RPM_TAGS.NAME) !== 'string') throw new Error('no NAME tag');
      out.push({ header, location });
    } catch (error) {
      addNote(notes, path, `package header ${index + 1}: ${(error as Error).message}`);
    }
  });
}

/** Reads installed rpm packages from the SQLite rpmdb (RHEL 9+, Fedora 33+, Rocky, Alma…). */
export function rpmCataloger(context: CatalogContext): Cataloger {
  const records: RpmRecord[] = [];
  return {
    id: 'rpm',
    wants: (entry) => entry.type === 'file' && ALL.has(entry.path),
    visit(entry, data, notes) {
      const format = UNSUPPORTED[entry.path];
      if (format !== undefined) {
        addNote(
          notes,
          entry.path,
          `rpm database format ${format} is not supported; its packages are not listed`,
        );
        return;
      }
      visitSqlite(entry.path, data, locationOf(entry), notes, records);
    },
    finish() {
      const distro = context.distro();
      return records.map(({ header, location }): Package => {
        const text = (tag: number): string | undefined => {
          const value = header.get(tag);
          return typeof value === 'string' && value !== '' ? value : undefined;
        };
        const name = text(RPM_TAGS.NAME) ?? '';
        const epoch = header.get(RPM_TAGS.EPOCH);
        const release = text(RPM_TAGS.RELEASE);
        const base = `${text(RPM_TAGS.VERSION) ?? ''}${release === undefined ? '' : `-${release}`}`;
        const version = typeof epoch === 'number' && epoch > 0 ? `${epoch}:${base}` : base;
        const arch = text(RPM_TAGS.ARCH);
        const source = parseSourceRpm(text(RPM_TAGS.SOURCERPM) ?? '');
        const license = text(RPM_TAGS.LICENSE);
        const vendor = text(RPM_TAGS.VENDOR);
        return {
          name,
          version,
          ecosystem: rpmEcosystem(distro),
          purl: purl('rpm', osNamespace('rpm', distro), name, base, {
            arch,
            epoch: typeof epoch === 'number' && epoch > 0 ? String(epoch) : undefined,
            distro: distroQualifier(distro),
          }),
          foundBy: 'rpm',
          locations: [location],
          ...(license === undefined ? {} : { licenses: [license] }),
          ...(source === undefined ? {} : { source }),
          metadata: {
            ...(arch === undefined ? {} : { architecture: arch }),
            ...(vendor === undefined ? {} : { vendor }),
          },
        };
      });
    },
  };
}
