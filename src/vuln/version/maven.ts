import {
  compareDigits,
  compareStrings,
  defineScheme,
  negate,
  type Ordering,
  type VersionScheme,
} from './scheme.js';

/**
 * One item of a Maven version: a number (decimal digits without leading zeros), a qualifier
 * string, or a nested list started by `-` or by a switch between digits and letters.
 */
export type MavenItem =
  | { readonly type: 'int'; readonly digits: string }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'list'; readonly items: readonly MavenItem[] };

/** A parsed Maven version: the top-level item list. */
export type MavenVersion = Extract<MavenItem, { type: 'list' }>;

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'] as const;
const ALIASES: Readonly<Record<string, string>> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_RANK = String(QUALIFIERS.indexOf(''));

/** Sort key of a qualifier: known ones by rank, unknown ones after all known, alphabetically. */
function qualifierKey(value: string): string {
  const rank = (QUALIFIERS as readonly string[]).indexOf(value);
  return rank === -1 ? `${QUALIFIERS.length}-${value}` : String(rank);
}

function stringItem(text: string, followedByDigit: boolean): MavenItem {
  let value = text;
  if (followedByDigit && text.length === 1) {
    // `a1`, `b1`, `m1` are shorthand for alpha-1, beta-1, milestone-1.
    value = { a: 'alpha', b: 'beta', m: 'milestone' }[text] ?? text;
  }
  return { type: 'string', value: ALIASES[value] ?? value };
}

function parseItem(isDigit: boolean, text: string): MavenItem {
  return isDigit ? { type: 'int', digits: text.replace(/^0+/, '') } : stringItem(text, false);
}

function isNull(item: MavenItem): boolean {
  if (item.type === 'int') return item.digits === '';
  if (item.type === 'string') return qualifierKey(item.value) === RELEASE_RANK;
  return item.items.length === 0;
}

/** Drops trailing null items (0, "", ga, final, ...) until a non-null, non-list item. */
function normalize(items: MavenItem[]): void {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item === undefined) continue;
    if (isNull(item)) items.splice(i, 1);
    else if (item.type !== 'list') break;
  }
}

/**
 * Parses like Maven 3.8's `ComparableVersion`: lower-cased, `.` separates items, `-` opens a
 * nested list, and a digit/letter boundary also opens a nested list. Every string parses.
 */
export function parseMaven(input: string): MavenVersion {
  const version = input.toLowerCase();
  const root: MavenItem[] = [];
  const lists: MavenItem[][] = [root];
  let list = root;
  let isDigit = false;
  let start = 0;
  const open = (): void => {
    const child: MavenItem[] = [];
    list.push({ type: 'list', items: child });
    lists.push(child);
    list = child;
  };
  for (let i = 0; i < version.length; i++) {
    const c = version[i] ?? '';
    if (c === '.' || c === '-') {
      list.push(
        i === start ? { type: 'int', digits: '' } : parseItem(isDigit, version.slice(start, i)),
      );
      start = i + 1;
      if (c === '-') open();
    } else if (c >= '0' && c <= '9') {
      if (!isDigit && i > start) {
        // A qualifier after `.` counts as if it followed `-`: 1.0.RC1 sorts like 1.0-RC1.
        if (list.length > 0) open();
        list.push(stringItem(version.slice(start, i), true));
        start = i;
        open();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.push(parseItem(true, version.slice(start, i)));
        start = i;
        open();
      }
      isDigit = false;
    }
  }
  if (version.length > start) {
    // The same for a trailing qualifier: 1.0.RC sorts like 1.0-RC.
    if (!isDigit && list.length > 0) open();
    list.push(parseItem(isDigit, version.slice(start)));
  }
  for (let k = lists.length - 1; k >= 0; k--) normalize(lists[k] ?? []);
  return { type: 'list', items: root };
}

/** Compares an item with a missing one (the shorter list's padding). */
function compareWithNothing(item: MavenItem): Ordering {
  if (item.type === 'int') return item.digits === '' ? 0 : 1;
  if (item.type === 'string') return compareStrings(qualifierKey(item.value), RELEASE_RANK);
  // Maven 3.8 looks past the first item (MNG-6964): 1-0.1 is newer than 1.
  for (const child of item.items) {
    const result = compareWithNothing(child);
    if (result !== 0) return result;
  }
  return 0;
}

/** Maven's item order: int > list > string across types; within a type by value. */
export function compareMavenItem(a: MavenItem | undefined, b: MavenItem | undefined): Ordering {
  if (a === undefined) return b === undefined ? 0 : negate(compareWithNothing(b));
  if (b === undefined) return compareWithNothing(a);
  if (a.type === 'int') return b.type === 'int' ? compareDigits(a.digits, b.digits) : 1;
  if (a.type === 'string') {
    if (b.type !== 'string') return -1;
    return compareStrings(qualifierKey(a.value), qualifierKey(b.value));
  }
  if (b.type === 'int') return -1;
  if (b.type === 'string') return 1;
  const length = Math.max(a.items.length, b.items.length);
  for (let i = 0; i < length; i++) {
    const result = compareMavenItem(a.items[i], b.items[i]);
    if (result !== 0) return result;
  }
  return 0;
}

function parseNonEmpty(input: string): MavenVersion | undefined {
  return input.trim() === '' ? undefined : parseMaven(input);
}

/** Maven artifact versions (`ComparableVersion` ordering). Any non-blank string is accepted. */
export const mavenScheme: VersionScheme<MavenVersion> = defineScheme(
  'maven',
  parseNonEmpty,
  compareMavenItem,
);
