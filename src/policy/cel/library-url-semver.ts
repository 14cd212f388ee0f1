import type { Environment } from '@marcbachmann/cel-js';
import { celFail } from './values.js';

/** A parsed URL of the Kubernetes `URL` CEL type: an absolute URI or an absolute path. */
export class CelUrl {
  constructor(
    readonly scheme: string,
    readonly host: string,
    readonly hostname: string,
    readonly port: string,
    readonly escapedPath: string,
    readonly query: string,
  ) {}

  static parse(text: string): CelUrl | undefined {
    if (text.startsWith('/')) {
      if (text.startsWith('//')) return undefined;
      const query = text.indexOf('?');
      const path = query === -1 ? text : text.slice(0, query);
      return new CelUrl('', '', '', '', path, query === -1 ? '' : text.slice(query + 1));
    }
    if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(text) || /\s/.test(text)) return undefined;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    return new CelUrl(
      url.protocol.slice(0, -1),
      url.host,
      hostname,
      url.port,
      url.pathname,
      url.search.slice(1),
    );
  }

  queryMap(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [key, value] of new URLSearchParams(this.query)) (out[key] ??= []).push(value);
    return out;
  }
}

const url = (t: string): CelUrl =>
  CelUrl.parse(t) ?? celFail(`url: ${JSON.stringify(t)} is not an absolute URL or path`);

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** A semantic version of the Kubernetes `Semver` CEL type. */
export class CelSemver {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly prerelease: readonly string[],
  ) {}

  static parse(text: string, normalize = false): CelSemver | undefined {
    let input = text;
    if (normalize) {
      input = input.replace(/^v/, '');
      const [core = '', ...rest] = input.split(/(?=[-+])/);
      const parts = core.split('.').map((p) => p.replace(/^0+(?=\d)/, ''));
      while (parts.length < 3) parts.push('0');
      input = parts.join('.') + rest.join('');
    }
    const match = SEMVER.exec(input);
    if (match === null) return undefined;
    const [, major = '0', minor = '0', patch = '0', pre] = match;
    const prerelease = pre === undefined ? [] : pre.split('.');
    return new CelSemver(BigInt(major), BigInt(minor), BigInt(patch), prerelease);
  }

  compareTo(other: CelSemver): bigint {
    for (const [a, b] of [
      [this.major, other.major],
      [this.minor, other.minor],
      [this.patch, other.patch],
    ] as const) {
      if (a !== b) return a < b ? -1n : 1n;
    }
    return comparePrerelease(this.prerelease, other.prerelease);
  }
}

function comparePrerelease(a: readonly string[], b: readonly string[]): bigint {
  if (a.length === 0 || b.length === 0) return BigInt(Math.sign(b.length - a.length));
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x === y) continue;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) return BigInt(x) < BigInt(y) ? -1n : 1n;
    if (xn !== yn) return xn ? -1n : 1n;
    return x < y ? -1n : 1n;
  }
  return BigInt(Math.sign(a.length - b.length));
}

const semver = (t: string, normalize = false): CelSemver =>
  CelSemver.parse(t, normalize) ?? celFail(`semver: ${JSON.stringify(t)} is not a version`);

/** Registers the Kubernetes URL and semver libraries. */
export function registerUrlSemverLibrary(env: Environment): void {
  env.registerType('URL', CelUrl).registerType('Semver', CelSemver);
  env
    .registerFunction('url(string): URL', url)
    .registerFunction('isURL(string): bool', (t: string) => CelUrl.parse(t) !== undefined)
    .registerFunction('URL.getScheme(): string', (u: CelUrl) => u.scheme)
    .registerFunction('URL.getHost(): string', (u: CelUrl) => u.host)
    .registerFunction('URL.getHostname(): string', (u: CelUrl) => u.hostname)
    .registerFunction('URL.getPort(): string', (u: CelUrl) => u.port)
    .registerFunction('URL.getEscapedPath(): string', (u: CelUrl) => u.escapedPath)
    .registerFunction('URL.getQuery(): map<string, list<string>>', (u: CelUrl) => u.queryMap())
    .registerFunction('semver(string): Semver', (t: string) => semver(t))
    .registerFunction('semver(string, bool): Semver', semver)
    .registerFunction('isSemver(string): bool', (t: string) => CelSemver.parse(t) !== undefined)
    .registerFunction(
      'isSemver(string, bool): bool',
      (t: string, n: boolean) => CelSemver.parse(t, n) !== undefined,
    )
    .registerFunction('Semver.major(): int', (v: CelSemver) => v.major)
    .registerFunction('Semver.minor(): int', (v: CelSemver) => v.minor)
    .registerFunction('Semver.patch(): int', (v: CelSemver) => v.patch)
    .registerFunction('Semver.compareTo(Semver): int', (a: CelSemver, b: CelSemver) =>
      a.compareTo(b),
    )
    .registerFunction(
      'Semver.isLessThan(Semver): bool',
      (a: CelSemver, b: CelSemver) => a.compareTo(b) < 0n,
    )
    .registerFunction(
      'Semver.isGreaterThan(Semver): bool',
      (a: CelSemver, b: CelSemver) => a.compareTo(b) > 0n,
    );
}
