import { posix } from 'node:path';
import type { Cataloger, InventoryNote, Package, PackageLocation } from '../../inventory/types.js';
import { addNote, baseName, locationOf } from '../found.js';
import { pypiPackage } from './python.js';

/** One requirement line: the name and its first version specifier, if any. */
export interface Requirement {
  readonly name: string;
  readonly operator?: string;
  readonly version?: string;
  /** The requirements file that declared it. */
  readonly file: string;
  readonly line: number;
}

/** Reads a requirements file by path; `undefined` when it is not available. */
export type ReadRequirements = (path: string) => string | undefined;

const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/;
const SPECIFIER = /^(===|==|~=|>=|<=|!=|>|<)\s*([^\s,;]+)/;

/** Logical lines: `\` continuations joined first, then comments stripped (pip's order). */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let joined = lines[i] ?? '';
    while (joined.endsWith('\\') && i + 1 < lines.length)
      joined = joined.slice(0, -1) + (lines[++i] ?? '');
    if (joined.endsWith('\\')) joined = joined.slice(0, -1);
    const comment = joined.search(/(^|\s)#/);
    out.push({ text: (comment >= 0 ? joined.slice(0, comment) : joined).trim(), line: start + 1 });
  }
  return out;
}

function parseLine(text: string, file: string, line: number): Requirement | undefined {
  // Per-requirement options (`--hash=…`) and environment markers do not change what is pinned.
  const spec =
    text
      .split(/\s--?[a-z]/)[0]
      ?.split(';', 1)[0]
      ?.trim() ?? '';
  if (spec.includes('://') || spec.startsWith('.') || spec.startsWith('/') || spec.includes(' @ '))
    return undefined;
  const match = NAME.exec(spec);
  if (match?.[1] === undefined) return undefined;
  const specifier = SPECIFIER.exec((match[3] ?? '').trim());
  return specifier?.[1] !== undefined && specifier[2] !== undefined
    ? { name: match[1], operator: specifier[1], version: specifier[2], file, line }
    : { name: match[1], file, line };
}

/**
 * Parses a requirements file and the files it includes with `-r` (relative to it), each at most
 * once. Includes that cannot be read become notes. Constraint files (`-c`) and other options are
 * skipped.
 */
export function parseRequirements(
  path: string,
  read: ReadRequirements,
  notes: InventoryNote[],
  seen = new Set<string>(),
): Requirement[] {
  if (seen.has(path)) return [];
  seen.add(path);
  const text = read(path);
  if (text === undefined) return [];
  const out: Requirement[] = [];
  for (const { text: line, line: number } of logicalLines(text)) {
    if (line === '') continue;
    const include = /^(?:-r|--requirement)(?:\s+|=)(\S+)$/.exec(line);
    if (include?.[1] !== undefined) {
      const target = posix.resolve(posix.dirname(path), include[1]);
      if (read(target) === undefined)
        addNote(notes, path, `included requirements file ${include[1]} was not found`, number);
      else out.push(...parseRequirements(target, read, notes, seen));
      continue;
    }
    if (line.startsWith('-')) continue;
    const requirement = parseLine(line, path, number);
    if (requirement !== undefined) out.push(requirement);
  }
  return out;
}

/** Whether a path is a pip requirements file (`requirements*.txt`, `requirements/*.txt`). */
export function isRequirementsFile(path: string): boolean {
  const name = baseName(path);
  return (
    name.endsWith('.txt') && (/requirements/i.test(name) || /\/requirements\/[^/]+$/.test(path))
  );
}

/**
 * Python requirements files: only exact pins (`==`, `===`) become packages, since a range does
 * not say what is installed. Files are read during the walk and resolved at the end, so `-r`
 * includes between requirement files work.
 */
export function requirementsCataloger(): Cataloger {
  const texts = new Map<string, string>();
  const locations = new Map<string, PackageLocation>();
  return {
    id: 'python',
    wants: (entry) => entry.type === 'file' && isRequirementsFile(entry.path),
    visit(entry, data) {
      texts.set(entry.path, data.toString('utf8'));
      locations.set(entry.path, locationOf(entry));
    },
    finish(_tree, notes) {
      const out: Package[] = [];
      for (const path of [...texts.keys()].sort()) {
        const requirements = parseRequirements(path, (p) => texts.get(p), notes);
        for (const r of requirements) {
          if ((r.operator !== '==' && r.operator !== '===') || r.version?.includes('*') !== false)
            continue;
          const location = locations.get(r.file) ?? { path: r.file };
          out.push({ ...pypiPackage(r.name, r.version), foundBy: 'python', locations: [location] });
        }
      }
      return out;
    },
  };
}
