import type { Cataloger, Package, PackageLocation } from '../../inventory/types.js';
import { dpkgEcosystem, distroQualifier, osNamespace } from '../ecosystem.js';
import { addNote, locationOf, type CatalogContext } from '../found.js';
import { purl } from '../purl.js';
import { parseStanzas } from '../stanzas.js';

const STATUS = '/var/lib/dpkg/status';
const STATUS_D = '/var/lib/dpkg/status.d/';

interface DpkgRecord {
  readonly name: string;
  readonly version: string;
  readonly arch: string | undefined;
  readonly source: { name: string; version?: string } | undefined;
  readonly depends: readonly string[];
  readonly location: PackageLocation;
}

/** `glibc (2.36-9)` → name and version; a bare name means the binary version. */
function parseSource(value: string | undefined, version: string): DpkgRecord['source'] {
  if (value === undefined || value === '') return undefined;
  const match = /^(\S+)(?:\s*\(([^)]+)\))?/.exec(value);
  if (match?.[1] === undefined) return undefined;
  return { name: match[1], version: match[2]?.trim() ?? version };
}

/** Names of the first alternative of each `Depends:`/`Pre-Depends:` clause. */
function parseDepends(value: string | undefined): string[] {
  if (value === undefined) return [];
  const names: string[] = [];
  for (const clause of value.split(',')) {
    const first = clause.split('|')[0]?.trim() ?? '';
    const name = /^([a-z0-9][a-z0-9+.-]*)/i.exec(first)?.[1];
    if (name !== undefined) names.push(name);
  }
  return names;
}

/** Whether a file is a dpkg database: `status`, or a distroless `status.d/` entry. */
export function isDpkgDatabase(path: string): boolean {
  if (path === STATUS) return true;
  if (!path.startsWith(STATUS_D)) return false;
  const name = path.slice(STATUS_D.length);
  return !name.includes('/') && !name.endsWith('.md5sums') && !name.startsWith('.');
}

/** Reads installed Debian packages from the dpkg status database (and distroless `status.d/`). */
export function dpkgCataloger(context: CatalogContext): Cataloger {
  const records: DpkgRecord[] = [];
  return {
    id: 'dpkg',
    wants: (entry) => entry.type === 'file' && isDpkgDatabase(entry.path),
    visit(entry, data, notes) {
      const distroless = entry.path !== STATUS;
      const stanzas = parseStanzas(data.toString('utf8'), (line, message) => {
        addNote(notes, entry.path, message, line);
      });
      for (const { line, fields } of stanzas) {
        const name = fields.get('Package');
        const version = fields.get('Version');
        const status = fields.get('Status');
        // Only packages dpkg considers installed; `status.d/` files carry no Status field.
        if (status !== undefined && status.split(/\s+/)[2] !== 'installed') continue;
        if (status === undefined && !distroless) continue;
        if (name === undefined || version === undefined || name === '' || version === '') {
          addNote(notes, entry.path, 'package paragraph without Package or Version', line);
          continue;
        }
        records.push({
          name,
          version,
          arch: fields.get('Architecture'),
          source: parseSource(fields.get('Source'), version),
          depends: [
            ...parseDepends(fields.get('Pre-Depends')),
            ...parseDepends(fields.get('Depends')),
          ],
          location: locationOf(entry),
        });
      }
    },
    finish() {
      const distro = context.distro();
      const namespace = osNamespace('deb', distro);
      const qualifier = distroQualifier(distro);
      const purlOf = (record: DpkgRecord): string =>
        purl('deb', namespace, record.name, record.version, {
          arch: record.arch,
          distro: qualifier,
        });
      const byName = new Map(records.map((record) => [record.name, purlOf(record)]));
      return records.map((record): Package => {
        const dependsOn = [
          ...new Set(record.depends.flatMap((dep) => byName.get(dep) ?? [])),
        ].sort();
        return {
          name: record.name,
          version: record.version,
          ecosystem: dpkgEcosystem(distro),
          purl: purlOf(record),
          foundBy: 'dpkg',
          locations: [record.location],
          ...(record.source === undefined ? {} : { source: record.source }),
          ...(dependsOn.length === 0 ? {} : { dependsOn }),
          ...(record.arch === undefined ? {} : { metadata: { architecture: record.arch } }),
        };
      });
    },
  };
}
