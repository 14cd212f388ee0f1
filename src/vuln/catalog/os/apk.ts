import type { Cataloger, Package, PackageLocation } from '../../inventory/types.js';
import { apkEcosystem, distroQualifier, osNamespace } from '../ecosystem.js';
import { addNote, locationOf, type CatalogContext } from '../found.js';
import { purl } from '../purl.js';

const INSTALLED = '/lib/apk/db/installed';

interface ApkRecord {
  name: string;
  version: string;
  arch?: string;
  origin?: string;
  license?: string;
  depends: string[];
  provides: string[];
  line: number;
  location: PackageLocation;
}

/** `so:libc.musl-x86_64.so.1=1` / `musl>=1.2` → the name part. */
/** A record as read, before checking that it has a name and version. */
type RawApkRecord = Omit<ApkRecord, 'name' | 'version'> & { name?: string; version?: string };

const dependencyName = (token: string): string => token.split(/[<>=~]/, 1)[0] ?? token;

function parseInstalled(text: string, location: PackageLocation): RawApkRecord[] {
  const records: RawApkRecord[] = [];
  let current: Partial<ApkRecord> & { depends: string[]; provides: string[]; line: number } = {
    depends: [],
    provides: [],
    line: 1,
  };
  const flush = (next: number): void => {
    if (current.name !== undefined || current.version !== undefined)
      records.push({ ...current, location });
    current = { depends: [], provides: [], line: next };
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line === '') {
      flush(i + 2);
      continue;
    }
    const value = line.slice(2);
    switch (line.slice(0, 2)) {
      case 'P:':
        current.name = value;
        break;
      case 'V:':
        current.version = value;
        break;
      case 'A:':
        current.arch = value;
        break;
      case 'o:':
        current.origin = value;
        break;
      case 'L:':
        current.license = value;
        break;
      case 'D:':
        current.depends.push(...value.split(/\s+/).filter((d) => d !== '' && !d.startsWith('!')));
        break;
      case 'p:':
        current.provides.push(...value.split(/\s+/).filter((p) => p !== ''));
        break;
      default:
        break;
    }
  }
  flush(lines.length + 1);
  return records;
}

/** Reads installed Alpine (and Wolfi/Chainguard) packages from `/lib/apk/db/installed`. */
export function apkCataloger(context: CatalogContext): Cataloger {
  const records: ApkRecord[] = [];
  return {
    id: 'apk',
    wants: (entry) => entry.type === 'file' && entry.path === INSTALLED,
    visit(entry, data, notes) {
      for (const record of parseInstalled(data.toString('utf8'), locationOf(entry))) {
        const { name, version } = record;
        if (name === undefined || version === undefined) {
          addNote(notes, entry.path, 'package record without P: or V:', record.line);
          continue;
        }
        records.push({ ...record, name, version });
      }
    },
    finish() {
      const distro = context.distro();
      const namespace = osNamespace('apk', distro);
      const qualifier = distroQualifier(distro);
      const purlOf = (r: ApkRecord): string =>
        purl('apk', namespace, r.name, r.version, { arch: r.arch, distro: qualifier });
      const providers = new Map<string, string>();
      for (const record of records) {
        providers.set(record.name, purlOf(record));
        for (const provided of record.provides)
          providers.set(dependencyName(provided), purlOf(record));
      }
      return records.map((r): Package => {
        const own = purlOf(r);
        const dependsOn = [
          ...new Set(r.depends.flatMap((d) => providers.get(dependencyName(d)) ?? [])),
        ]
          .filter((p) => p !== own)
          .sort();
        const metadata: Record<string, string> = {};
        if (r.arch !== undefined) metadata['architecture'] = r.arch;
        return {
          name: r.name,
          version: r.version,
          ecosystem: apkEcosystem(distro),
          purl: own,
          foundBy: 'apk',
          locations: [r.location],
          ...(r.license === undefined || r.license === '' ? {} : { licenses: [r.license] }),
          source: { name: r.origin ?? r.name, version: r.version },
          ...(dependsOn.length === 0 ? {} : { dependsOn }),
          ...(Object.keys(metadata).length === 0 ? {} : { metadata }),
        };
      });
    },
  };
}
