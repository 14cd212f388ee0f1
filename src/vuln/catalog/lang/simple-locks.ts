import type { InventoryNote } from '../../inventory/types.js';
import {
  addNote,
  baseName,
  fileCataloger,
  isRecord,
  parseJson,
  str,
  type FoundPackage,
  type ParsedFile,
} from '../found.js';
import { purl } from '../purl.js';
import { parseToml, TomlError } from '../../../core/toml.js';

/** `Cargo.lock`: `[[package]]` entries from a registry (path and git members are local code). */
export function parseCargoLock(file: ParsedFile, notes: InventoryNote[]): FoundPackage[] {
  let doc;
  try {
    doc = parseToml(file.text);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    addNote(notes, file.path, `expected TOML: ${error.message}`);
    return [];
  }
  const list: unknown = doc['package'];
  const packages = Array.isArray(list) ? list.filter(isRecord) : [];
  return packages.flatMap((pkg): FoundPackage[] => {
    const name = str(pkg, 'name');
    const version = str(pkg, 'version');
    if (name === undefined || version === undefined) return [];
    return [
      { name, version, ecosystem: 'crates.io', purl: purl('cargo', undefined, name, version) },
    ];
  });
}

/** `composer.lock`: `packages` and `packages-dev` (marked dev). */
export function parseComposerLock(file: ParsedFile, notes: InventoryNote[]): FoundPackage[] {
  const doc = parseJson(file, notes);
  if (!isRecord(doc)) return [];
  const out: FoundPackage[] = [];
  for (const [key, dev] of [
    ['packages', false],
    ['packages-dev', true],
  ] as const) {
    const list = Array.isArray(doc[key]) ? (doc[key] as unknown[]).filter(isRecord) : [];
    for (const pkg of list) {
      const name = str(pkg, 'name');
      const version = str(pkg, 'version');
      if (name === undefined || version === undefined) continue;
      const slash = name.indexOf('/');
      const [vendor, project] =
        slash > 0 ? [name.slice(0, slash), name.slice(slash + 1)] : [undefined, name];
      const licenses = Array.isArray(pkg['license'])
        ? (pkg['license'] as unknown[]).filter((l): l is string => typeof l === 'string')
        : [];
      const source = isRecord(pkg['source']) ? str(pkg['source'], 'reference') : undefined;
      out.push({
        name,
        version,
        ecosystem: 'Packagist',
        ...(source === undefined ? {} : { metadata: { commit: source } }),
        purl: purl('composer', vendor, project, version),
        ...(dev ? { dev: true } : {}),
        ...(licenses.length > 0 ? { licenses } : {}),
      });
    }
  }
  return out;
}

/** `Gemfile.lock`: the `specs:` of GEM, GIT and PATH sections (`name (version)` at 4 spaces). */
export function parseGemfileLock(file: ParsedFile): FoundPackage[] {
  const out: FoundPackage[] = [];
  let inSpecs = false;
  let revision: string | undefined;
  for (const line of file.text.split(/\r?\n/)) {
    if (/^\S/.test(line)) [inSpecs, revision] = [false, undefined];
    const rev = /^ {2}revision: ([0-9a-f]{40})$/.exec(line)?.[1];
    if (rev !== undefined) revision = rev;
    if (line === '  specs:') {
      inSpecs = true;
      continue;
    }
    const match = inSpecs ? /^ {4}([^\s(]+) \(([^)]+)\)$/.exec(line) : null;
    if (match?.[1] === undefined || match[2] === undefined) continue;
    // Platform gems carry the platform after the version: `nokogiri (1.15.4-x86_64-linux)`.
    const version = match[2].split('-', 1)[0] ?? match[2];
    out.push({
      name: match[1],
      version,
      ecosystem: 'RubyGems',
      purl: purl('gem', undefined, match[1], version),
      ...(revision === undefined ? {} : { metadata: { commit: revision } }),
    });
  }
  return out;
}

/** An installed gem: `specifications/NAME-VERSION.gemspec` (name and version from the file name). */
export function parseGemspecName(file: ParsedFile): FoundPackage[] {
  const match = /^(.+)-(\d[^-]*(?:-[a-z0-9_]+)?)\.gemspec$/i.exec(baseName(file.path));
  if (match?.[1] === undefined || match[2] === undefined) return [];
  const version = match[2].split('-', 1)[0] ?? match[2];
  return [
    {
      name: match[1],
      version,
      ecosystem: 'RubyGems',
      purl: purl('gem', undefined, match[1], version),
    },
  ];
}

/** `packages.lock.json` (NuGet): every framework's dependencies, de-duplicated. */
export function parseNugetLock(file: ParsedFile, notes: InventoryNote[]): FoundPackage[] {
  const doc = parseJson(file, notes);
  if (!isRecord(doc) || !isRecord(doc['dependencies'])) return [];
  const out = new Map<string, FoundPackage>();
  for (const framework of Object.values(doc['dependencies'])) {
    if (!isRecord(framework)) continue;
    for (const [name, dep] of Object.entries(framework)) {
      if (!isRecord(dep) || str(dep, 'type') === 'Project') continue;
      const version = str(dep, 'resolved');
      if (version === undefined) continue;
      out.set(`${name}@${version}`, nugetPackage(name, version));
    }
  }
  return [...out.values()];
}

function nugetPackage(name: string, version: string): FoundPackage {
  return { name, version, ecosystem: 'NuGet', purl: purl('nuget', undefined, name, version) };
}

/** `*.deps.json` (.NET runtime dependencies): `libraries` of type `package`. */
export function parseDepsJson(file: ParsedFile, notes: InventoryNote[]): FoundPackage[] {
  const doc = parseJson(file, notes);
  if (!isRecord(doc) || !isRecord(doc['libraries'])) return [];
  const out: FoundPackage[] = [];
  for (const [key, lib] of Object.entries(doc['libraries'])) {
    if (!isRecord(lib) || str(lib, 'type') !== 'package') continue;
    const slash = key.lastIndexOf('/');
    if (slash <= 0) continue;
    out.push(nugetPackage(key.slice(0, slash), key.slice(slash + 1)));
  }
  return out;
}

/** `go.mod`: `require` lines (single and blocks), with `replace` directives applied. */
export function parseGoMod(file: ParsedFile): FoundPackage[] {
  const requires: [string, string][] = [];
  let goVersion: string | undefined;
  const replaces: { from: string; fromVersion?: string; to: string; toVersion?: string }[] = [];
  let block: string | undefined;
  for (const raw of file.text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (block !== undefined && line === ')') {
      block = undefined;
      continue;
    }
    const open = /^(require|replace|exclude|retract)\s*\($/.exec(line);
    if (open?.[1] !== undefined) {
      block = open[1];
      continue;
    }
    const go = block === undefined ? /^go\s+(\d+(?:\.\d+)*)$/.exec(line)?.[1] : undefined;
    if (go !== undefined) goVersion = go;
    const directive = /^(require|replace)\s+(.*)$/.exec(line);
    const kind = block ?? directive?.[1];
    const body = block === undefined ? directive?.[2] : line;
    if (body === undefined) continue;
    const words = body.split(/\s+/);
    if (kind === 'require' && words[0] !== undefined && words[1] !== undefined)
      requires.push([words[0], words[1]]);
    if (kind === 'replace') {
      const arrow = words.indexOf('=>');
      const from = words[0];
      const to = words[arrow + 1];
      if (arrow < 1 || from === undefined || to === undefined) continue;
      replaces.push({
        from,
        ...(arrow === 2 && words[1] !== undefined ? { fromVersion: words[1] } : {}),
        to,
        ...(words[arrow + 2] !== undefined ? { toVersion: words[arrow + 2] } : {}),
      });
    }
  }
  const out = new Map<string, FoundPackage>();
  for (const [module, version] of requires) {
    let [name, ver] = [module, version];
    const replace = replaces.find(
      (r) => r.from === module && (r.fromVersion === undefined || r.fromVersion === version),
    );
    if (replace !== undefined) {
      // A replacement by a local directory keeps no version.
      if (replace.to.startsWith('.') || replace.to.startsWith('/')) continue;
      [name, ver] = [replace.to, replace.toVersion ?? version];
    }
    const slash = name.lastIndexOf('/');
    const v = ver.replace(/^v/, '');
    out.set(`${name}@${v}`, {
      name,
      version: v,
      ecosystem: 'Go',
      purl:
        slash > 0
          ? purl('golang', name.slice(0, slash), name.slice(slash + 1), ver)
          : purl('golang', undefined, name, ver),
    });
  }
  // The `go` directive names the toolchain, whose standard library has advisories too.
  if (goVersion !== undefined)
    out.set('stdlib', {
      name: 'stdlib',
      version: goVersion,
      ecosystem: 'Go',
      // Built by hand: packageurl-js 2.0.1 fails on a golang purl without a namespace.
      purl: `pkg:golang/stdlib@v${goVersion}`,
    });
  return [...out.values()];
}

/** Rust: `Cargo.lock`. */
export const rustCataloger = (): ReturnType<typeof fileCataloger> =>
  fileCataloger('rust', (path) => baseName(path) === 'Cargo.lock', parseCargoLock);

/** PHP: `composer.lock`. */
export const phpCataloger = (): ReturnType<typeof fileCataloger> =>
  fileCataloger('php', (path) => baseName(path) === 'composer.lock', parseComposerLock);

/** Ruby: `Gemfile.lock` and installed `specifications/*.gemspec`. */
export const rubyCataloger = (): ReturnType<typeof fileCataloger> =>
  fileCataloger(
    'ruby',
    (path) => baseName(path) === 'Gemfile.lock' || /\/specifications\/[^/]+\.gemspec$/.test(path),
    (file) => (file.path.endsWith('.gemspec') ? parseGemspecName(file) : parseGemfileLock(file)),
  );

/** .NET: `packages.lock.json` and `*.deps.json`. */
export const dotnetCataloger = (): ReturnType<typeof fileCataloger> =>
  fileCataloger(
    'dotnet',
    (path) => baseName(path) === 'packages.lock.json' || path.endsWith('.deps.json'),
    (file, notes) =>
      file.path.endsWith('.deps.json') ? parseDepsJson(file, notes) : parseNugetLock(file, notes),
  );

/** Go: `go.mod`. */
export const goModCataloger = (): ReturnType<typeof fileCataloger> =>
  fileCataloger('go', (path) => baseName(path) === 'go.mod', parseGoMod);
