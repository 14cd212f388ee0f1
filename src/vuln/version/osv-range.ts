import { semverScheme } from './semver.js';
import type { VersionScheme } from './scheme.js';

/** One event of an OSV range: exactly one of these keys. */
export type OsvEvent =
  | { readonly introduced: string }
  | { readonly fixed: string }
  | { readonly last_affected: string }
  | { readonly limit: string };

/** An OSV `affected[].ranges[]` entry. */
export interface OsvRange {
  readonly type: 'SEMVER' | 'ECOSYSTEM' | 'GIT' | (string & {});
  readonly repo?: string;
  readonly events: readonly OsvEvent[];
}

/** The parts of an OSV `affected[]` entry that decide which versions are affected. */
export interface OsvAffected {
  readonly ranges?: readonly OsvRange[];
  readonly versions?: readonly string[];
}

/** `true` affected, `false` not affected, `'unknown'` when the data cannot decide. */
export type Affectedness = boolean | 'unknown';

/** The verdict plus why parts of the entry could not be used. */
export interface AffectedVerdict {
  readonly affected: Affectedness;
  readonly notes: readonly string[];
}

type EventKind = 'introduced' | 'fixed' | 'last_affected' | 'limit';
const EVENT_KINDS: readonly EventKind[] = ['introduced', 'fixed', 'last_affected', 'limit'];

interface Event {
  readonly kind: EventKind;
  readonly version: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads an event object; `undefined` unless it holds exactly one known key with a string. */
function readEvent(raw: unknown): Event | undefined {
  if (!isRecord(raw)) return undefined;
  const keys = Object.keys(raw);
  const kind = EVENT_KINDS.find((k) => k === keys[0]);
  const version = kind === undefined ? undefined : raw[kind];
  if (keys.length !== 1 || kind === undefined || typeof version !== 'string') return undefined;
  return { kind, version };
}

/** `introduced: "0"` sorts before every version, whatever the scheme. */
const isZero = (event: Event): boolean => event.kind === 'introduced' && event.version === '0';

function orderEvents(events: readonly Event[], scheme: VersionScheme): Event[] {
  return [...events].sort((x, y) => {
    if (isZero(x) || isZero(y)) return isZero(x) === isZero(y) ? 0 : isZero(x) ? -1 : 1;
    const byVersion = scheme.compare(x.version, y.version);
    if (byVersion !== 0) return byVersion;
    // At the same version upper bounds come first, so adjacent intervals [a, X) and [X, b)
    // (common in merged advisories) still cover X. A bogus `introduced X, fixed X` thus opens
    // an unbounded range: a false positive rather than a silent miss.
    return (x.kind === 'introduced' ? 1 : 0) - (y.kind === 'introduced' ? 1 : 0);
  });
}

function beforeLimits(version: string, limits: readonly Event[], scheme: VersionScheme): boolean {
  if (limits.length === 0) return true;
  return limits.some((l) => l.version.includes('*') || scheme.compare(version, l.version) < 0);
}

/** The OSV evaluation walk over one range; throws `INVALID_VERSION` on unparseable events. */
function inRange(version: string, events: readonly Event[], scheme: VersionScheme): boolean {
  const limits = events.filter((e) => e.kind === 'limit');
  if (!beforeLimits(version, limits, scheme)) return false;
  let vulnerable = false;
  for (const event of orderEvents(
    events.filter((e) => e.kind !== 'limit'),
    scheme,
  )) {
    if (event.kind === 'introduced') {
      if (isZero(event) || scheme.compare(version, event.version) >= 0) vulnerable = true;
    } else if (event.kind === 'fixed') {
      if (scheme.compare(version, event.version) >= 0) vulnerable = false;
    } else if (scheme.compare(version, event.version) > 0) {
      vulnerable = false;
    }
  }
  return vulnerable;
}

/** Evaluates one range: a verdict, or a note saying why it could not be used. */
function evaluateRange(version: string, raw: unknown, scheme: VersionScheme): boolean | string {
  if (!isRecord(raw) || !Array.isArray(raw.events)) return 'a range without an events list';
  const type = raw.type;
  if (type === 'GIT') return 'GIT range ignored: commit ranges need the repository history';
  if (type !== 'SEMVER' && type !== 'ECOSYSTEM')
    return `range of unknown type ${JSON.stringify(type)}`;
  const rangeScheme = type === 'SEMVER' ? semverScheme : scheme;
  const events: Event[] = [];
  for (const rawEvent of raw.events as unknown[]) {
    const event = readEvent(rawEvent);
    if (event === undefined)
      return 'malformed event: expected one of introduced, fixed, last_affected, limit';
    events.push(event);
  }
  if (!events.some((e) => e.kind === 'introduced')) return 'a range without an introduced event';
  if (!rangeScheme.isValid(version))
    return `version "${version}" is not a valid ${rangeScheme.name} version`;
  const bad = events.find(
    (e) =>
      !isZero(e) &&
      !(e.kind === 'limit' && e.version.includes('*')) &&
      !rangeScheme.isValid(e.version),
  );
  if (bad !== undefined)
    return `event ${bad.kind} "${bad.version}" is not a valid ${rangeScheme.name} version`;
  return inRange(version, events, rangeScheme);
}

/** Whether `version` is in the list: the same string, or equal in the scheme's order. */
function listedIn(version: string, versions: unknown, scheme: VersionScheme): boolean {
  if (!Array.isArray(versions)) return false;
  if (!scheme.isValid(version)) return versions.includes(version);
  return versions.some(
    (listed) =>
      listed === version ||
      (typeof listed === 'string' &&
        scheme.isValid(listed) &&
        scheme.compare(listed, version) === 0),
  );
}

/**
 * Decides whether `version` is affected by one OSV `affected[]` entry, following the OSV
 * schema's evaluation algorithm: listed in `versions`, or inside any range. `'unknown'` means
 * no range said yes and at least one could not be evaluated (GIT ranges, invalid versions,
 * malformed events); the notes say which.
 */
export function explainAffected(
  version: string,
  affected: OsvAffected,
  scheme: VersionScheme,
): AffectedVerdict {
  const entry: unknown = affected;
  if (!isRecord(entry) || typeof version !== 'string') {
    return { affected: 'unknown', notes: ['expected a version string and an affected object'] };
  }
  const hasVersions = Array.isArray(entry.versions);
  if (listedIn(version, entry.versions, scheme)) return { affected: true, notes: [] };
  const notes: string[] = [];
  const ranges: unknown[] = Array.isArray(entry.ranges) ? entry.ranges : [];
  for (const range of ranges) {
    const result = evaluateRange(version, range, scheme);
    if (result === true) return { affected: true, notes };
    if (typeof result === 'string') notes.push(result);
  }
  if (!hasVersions && ranges.length === 0) notes.push('neither ranges nor versions are given');
  // A GIT range promises an explicit versions list, so with that list present it decides.
  const undecided = notes.some((note) => !(hasVersions && note.startsWith('GIT range')));
  return { affected: undecided ? 'unknown' : false, notes };
}

/** {@link explainAffected} without the notes. */
export function isAffected(
  version: string,
  affected: OsvAffected,
  scheme: VersionScheme,
): Affectedness {
  return explainAffected(version, affected, scheme).affected;
}
