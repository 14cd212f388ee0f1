import type { InventoryNote } from '../../inventory/types.js';
import { addNote, baseName, fileCataloger, type FoundPackage, type ParsedFile } from '../found.js';
import { npmPackage } from './npm.js';

const unquote = (text: string): string => text.trim().replace(/^"(.*)"$/, '$1');

/** `"@babel/core@^7.0.0", "@babel/core@npm:^7.1.0"` → `@babel/core`. */
function nameOfKey(key: string): string {
  let first = unquote(key.split(/,\s*/)[0] ?? '');
  // Aliases: `ansi-regex-cjs@npm:ansi-regex@^5.0.1` names the real package after `npm:`.
  const alias = first.indexOf('@npm:', 1);
  if (alias > 0 && /^(@[^/]+\/)?[^@]+@/.test(first.slice(alias + 5)))
    first = first.slice(alias + 5);
  const at = first.indexOf('@', 1);
  return at < 0 ? first : first.slice(0, at);
}

interface Block {
  key: string;
  line: number;
  props: Map<string, string>;
}

function blocks(text: string): Block[] {
  const out: Block[] = [];
  let current: Block | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      current = line.endsWith(':')
        ? { key: line.slice(0, -1), line: i + 1, props: new Map() }
        : undefined;
      if (current !== undefined) out.push(current);
      continue;
    }
    // Properties sit at two spaces; deeper lines (dependency lists) are not needed.
    if (current === undefined || line.startsWith('   ')) continue;
    const match = /^ {2}("?[^\s":]+"?):?\s+(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined)
      current.props.set(unquote(match[1]), unquote(match[2]));
  }
  return out;
}

function commitOf(block: Block): string | undefined {
  const resolved = block.props.get('resolved') ?? block.props.get('resolution') ?? '';
  // A registry tarball's `#…` suffix is its sha1 checksum, not a commit.
  if (/\.tgz#/.test(resolved)) return undefined;
  const match = /(?:#(?:commit[=:])?|\/tar\.gz\/)([0-9a-f]{40})(?:$|&)/i.exec(resolved);
  return match?.[1];
}

/** Parses `yarn.lock`, both the v1 format and Berry's (v2+) YAML. */
export function parseYarnLock(file: ParsedFile, notes: InventoryNote[]): FoundPackage[] {
  const out: FoundPackage[] = [];
  for (const block of blocks(file.text)) {
    if (block.key === '__metadata') continue;
    const resolution = block.props.get('resolution') ?? '';
    if (/@(workspace|link|portal):/.test(resolution) || /@(workspace|link|portal):/.test(block.key))
      continue;
    const version = block.props.get('version');
    if (version === undefined) {
      addNote(notes, file.path, `entry "${block.key.slice(0, 80)}" has no version`, block.line);
      continue;
    }
    const name = nameOfKey(resolution === '' ? block.key : resolution);
    const commit = commitOf(block);
    out.push(npmPackage(name, version === '0.0.0-use.local' ? '' : version, { commit }));
  }
  return out;
}

/** yarn: `yarn.lock` v1 and Berry. */
export const yarnCataloger = (): ReturnType<typeof fileCataloger> =>
  fileCataloger('yarn', (path) => baseName(path) === 'yarn.lock', parseYarnLock);
