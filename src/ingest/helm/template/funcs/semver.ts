/** Masterminds/semver v3 as sprig exposes it: `semver` and `semverCompare` with its constraints. */
import { fn, type FunctionMap, str } from '../functions.js';
import { GoObject, type GoValue } from '../values.js';

const VERSION =
  /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** A parsed version; prints like semver's String(). */
export class SemVersion extends GoObject {
  readonly goType = '*semver.Version';
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string,
    readonly meta: string,
    readonly original: string,
  ) {
    super();
  }

  static parse(text: string): SemVersion {
    const m = VERSION.exec(text);
    if (m === null) throw new Error('Invalid Semantic Version');
    const pre = m[4] ?? '';
    if (pre.split('.').some((id) => /^0\d+$/.test(id)))
      throw new Error('Version segment starts with 0');
    return new SemVersion(
      BigInt(m[1] ?? 0),
      BigInt(m[2] ?? 0),
      BigInt(m[3] ?? 0),
      pre,
      m[5] ?? '',
      text,
    );
  }

  field(name: string): GoValue {
    const fields: Record<string, GoValue> = {
      Major: this.major,
      Minor: this.minor,
      Patch: this.patch,
      Prerelease: this.pre,
      Metadata: this.meta,
      Original: this.original,
      String: this.toGoString(),
    };
    return fields[name];
  }

  toGoString(): string {
    let s = `${String(this.major)}.${String(this.minor)}.${String(this.patch)}`;
    if (this.pre !== '') s += `-${this.pre}`;
    if (this.meta !== '') s += `+${this.meta}`;
    return s;
  }
}

function comparePre(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return BigInt(x) < BigInt(y) ? -1 : 1;
    if (nx) return -1;
    if (ny) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Semver precedence (build metadata ignored). */
export function compareVersions(a: SemVersion, b: SemVersion): number {
  for (const [x, y] of [
    [a.major, b.major],
    [a.minor, b.minor],
    [a.patch, b.patch],
  ] as const) {
    if (x !== y) return x < y ? -1 : 1;
  }
  return comparePre(a.pre, b.pre);
}

interface Constraint {
  readonly op: string;
  readonly v: SemVersion;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
  readonly majorDirty: boolean;
}

const WILD = /^[xX*]$/;
const CONSTRAINT =
  /(=>|=<|>=|<=|!=|~>|[=><~^])?\s*(v?[0-9xX*]+(?:\.[0-9xX*]+)?(?:\.[0-9xX*]+)?(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)/g;

function parseConstraint(op: string, text: string): Constraint {
  const m = /^v?([0-9xX*]+)(?:\.([0-9xX*]+))?(?:\.([0-9xX*]+))?(.*)$/.exec(text);
  if (m === null) throw new Error(`improper constraint: ${text}`);
  const [, maj = '0', min, pat, rest = ''] = m;
  const majorDirty = WILD.test(maj);
  const minorDirty = majorDirty || min === undefined || WILD.test(min);
  const patchDirty = minorDirty || pat === undefined || WILD.test(pat);
  const num = (s: string | undefined): string => (s === undefined || WILD.test(s) ? '0' : s);
  const v = SemVersion.parse(`${num(maj)}.${num(min)}.${num(pat)}${rest}`);
  return {
    op: op === '=>' ? '>=' : op === '=<' ? '<=' : op === '~>' ? '~' : op,
    v,
    majorDirty,
    minorDirty,
    patchDirty,
  };
}

function tilde(c: Constraint, v: SemVersion, cmp: number): boolean {
  const cv = c.v;
  if (cmp < 0) return false;
  if (c.majorDirty) return true;
  if (cv.major === 0n && cv.minor === 0n && cv.patch === 0n && !c.minorDirty && !c.patchDirty)
    return true;
  if (v.major !== cv.major) return false;
  return c.minorDirty || v.minor === cv.minor;
}

function check(c: Constraint, v: SemVersion): boolean {
  if (v.pre !== '' && c.v.pre === '') return false;
  const cmp = compareVersions(v, c.v);
  const { v: cv } = c;
  switch (c.op) {
    case '':
    case '=':
      if (!c.majorDirty && !c.minorDirty && !c.patchDirty) return cmp === 0;
      return tilde(c, v, cmp);
    case '~':
      return tilde(c, v, cmp);
    case '!=':
      if (c.majorDirty) return false;
      if (c.minorDirty) return v.major !== cv.major;
      if (c.patchDirty) return v.major !== cv.major || v.minor !== cv.minor;
      return cmp !== 0;
    case '>':
      if (c.majorDirty) return false;
      if (c.minorDirty) return v.major > cv.major;
      if (c.patchDirty) return v.major > cv.major || (v.major === cv.major && v.minor > cv.minor);
      return cmp > 0;
    case '<':
      return cmp < 0;
    case '>=':
      return cmp >= 0;
    case '<=':
      if (c.majorDirty) return true;
      if (c.minorDirty) return v.major <= cv.major;
      if (c.patchDirty) return v.major < cv.major || (v.major === cv.major && v.minor <= cv.minor);
      return cmp <= 0;
    case '^':
      if (cmp < 0) return false;
      if (cv.major > 0n || c.minorDirty) return v.major === cv.major;
      if (v.major > 0n) return false;
      if (cv.minor > 0n || c.patchDirty) return v.minor === cv.minor;
      if (v.minor > 0n) return false;
      return v.patch === cv.patch;
    default:
      throw new Error(`improper constraint: ${c.op}`);
  }
}

/** Parses a constraint string into OR-groups of AND-ed constraints. */
export function parseConstraints(text: string): Constraint[][] {
  const rewritten = text.replace(
    /\s*(v?[0-9xX*]+(?:\.[0-9xX*]+)?(?:\.[0-9xX*]+)?(?:-[0-9A-Za-z.-]+)?)\s+-\s+(v?[0-9xX*]+(?:\.[0-9xX*]+)?(?:\.[0-9xX*]+)?(?:-[0-9A-Za-z.-]+)?)\s*/g,
    ' >= $1, <= $2 ',
  );
  return rewritten.split('||').map((group) => {
    const found = [...group.matchAll(CONSTRAINT)];
    const leftover = group.replace(CONSTRAINT, '').replace(/[\s,]/g, '');
    if (found.length === 0 || leftover !== '') throw new Error(`improper constraint: ${text}`);
    return found.map((m) => parseConstraint(m[1] ?? '', m[2] ?? ''));
  });
}

/** Whether `version` satisfies `constraint`. */
export function semverSatisfies(constraint: string, version: string): boolean {
  const groups = parseConstraints(constraint);
  const v = SemVersion.parse(version);
  return groups.some((group) => group.every((c) => check(c, v)));
}

/** The semver family. */
export const semverFunctions: FunctionMap = {
  semver: fn(['string'], ([s]) => SemVersion.parse(str(s))),
  semverCompare: fn(['string', 'string'], ([c, v]) => semverSatisfies(str(c), str(v))),
};
