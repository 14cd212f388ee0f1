import { isIPv4, isIPv6 } from 'node:net';
import type { Environment } from '@marcbachmann/cel-js';
import { celFail } from './values.js';

/** An IP address of the Kubernetes `net.IP` CEL type. */
export class CelIp {
  constructor(
    readonly family: 4 | 6,
    readonly bits: bigint,
  ) {}

  get width(): number {
    return this.family === 4 ? 32 : 128;
  }

  toString(): string {
    if (this.family === 4) {
      return [24n, 16n, 8n, 0n].map((shift) => String((this.bits >> shift) & 255n)).join('.');
    }
    const groups = Array.from({ length: 8 }, (_, i) =>
      ((this.bits >> BigInt((7 - i) * 16)) & 0xffffn).toString(16),
    );
    return compressIpv6(groups);
  }
}

function compressIpv6(groups: string[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  if (bestStart === -1) return groups.join(':');
  const head = groups.slice(0, bestStart).join(':');
  const tail = groups.slice(bestStart + bestLength).join(':');
  return `${head}::${tail}`;
}

function parseIpv6(text: string): bigint {
  const [head = '', tail] = text.split('::');
  const parts = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const left = parts(head);
  const right = tail === undefined ? [] : parts(tail);
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(`0x${group}`), 0n);
}

/** Parses an address as Kubernetes' `ip()` does: no zones, no IPv4-mapped IPv6, no leading 0s. */
export function parseIp(text: string): CelIp | undefined {
  if (isIPv4(text)) {
    const octets = text.split('.');
    if (octets.some((o) => o.length > 1 && o.startsWith('0'))) return undefined;
    return new CelIp(
      4,
      octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n),
    );
  }
  if (!isIPv6(text) || text.includes('%') || text.includes('.')) return undefined;
  return new CelIp(6, parseIpv6(text));
}

/** A network prefix of the Kubernetes `net.CIDR` CEL type. */
export class CelCidr {
  constructor(
    readonly address: CelIp,
    readonly prefix: number,
  ) {}

  private mask(): bigint {
    const width = BigInt(this.address.width);
    return ((1n << width) - 1n) ^ ((1n << (width - BigInt(this.prefix))) - 1n);
  }

  masked(): CelCidr {
    return new CelCidr(
      new CelIp(this.address.family, this.address.bits & this.mask()),
      this.prefix,
    );
  }

  containsIp(ip: CelIp): boolean {
    if (ip.family !== this.address.family) return false;
    return (ip.bits & this.mask()) === (this.address.bits & this.mask());
  }

  containsCidr(other: CelCidr): boolean {
    return other.prefix >= this.prefix && this.containsIp(other.address);
  }

  toString(): string {
    return `${this.address.toString()}/${this.prefix}`;
  }
}

export function parseCidr(text: string): CelCidr | undefined {
  const slash = text.indexOf('/');
  if (slash === -1) return undefined;
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === undefined || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return prefix <= address.width ? new CelCidr(address, prefix) : undefined;
}

const ip = (t: string): CelIp => parseIp(t) ?? celFail(`ip: ${JSON.stringify(t)} is not an IP`);
const cidr = (t: string): CelCidr =>
  parseCidr(t) ?? celFail(`cidr: ${JSON.stringify(t)} is not a CIDR`);

function isGlobalUnicast(a: CelIp): boolean {
  if (a.family === 4) {
    return (
      a.bits !== 0n &&
      a.bits !== 0xffffffffn &&
      a.bits >> 24n !== 127n &&
      a.bits >> 28n !== 14n &&
      a.bits >> 16n !== 0xa9fen
    );
  }
  return a.bits !== 0n && a.bits !== 1n && a.bits >> 120n !== 0xffn && a.bits >> 118n !== 0x3fan;
}

/** Registers the Kubernetes IP and CIDR libraries. */
export function registerNetLibrary(env: Environment): void {
  env.registerType('net.IP', CelIp).registerType('net.CIDR', CelCidr);
  env
    .registerFunction('ip(string): net.IP', ip)
    .registerFunction('isIP(string): bool', (t: string) => parseIp(t) !== undefined)
    .registerFunction('string(net.IP): string', (a: CelIp) => a.toString())
    .registerFunction('net.IP.family(): int', (a: CelIp) => BigInt(a.family))
    .registerFunction('net.IP.isUnspecified(): bool', (a: CelIp) => a.bits === 0n)
    .registerFunction('net.IP.isLoopback(): bool', (a: CelIp) =>
      a.family === 4 ? a.bits >> 24n === 127n : a.bits === 1n,
    )
    .registerFunction('net.IP.isLinkLocalMulticast(): bool', (a: CelIp) =>
      a.family === 4 ? a.bits >> 8n === 0xe00000n : a.bits >> 112n === 0xff02n,
    )
    .registerFunction('net.IP.isLinkLocalUnicast(): bool', (a: CelIp) =>
      a.family === 4 ? a.bits >> 16n === 0xa9fen : a.bits >> 118n === 0x3fan,
    )
    .registerFunction('net.IP.isGlobalUnicast(): bool', isGlobalUnicast)
    .registerFunction('cidr(string): net.CIDR', cidr)
    .registerFunction('isCIDR(string): bool', (t: string) => parseCidr(t) !== undefined)
    .registerFunction('string(net.CIDR): string', (c: CelCidr) => c.toString())
    .registerFunction('net.CIDR.ip(): net.IP', (c: CelCidr) => c.address)
    .registerFunction('net.CIDR.masked(): net.CIDR', (c: CelCidr) => c.masked())
    .registerFunction('net.CIDR.prefixLength(): int', (c: CelCidr) => BigInt(c.prefix))
    .registerFunction('net.CIDR.containsIP(net.IP): bool', (c: CelCidr, a: CelIp) =>
      c.containsIp(a),
    )
    .registerFunction('net.CIDR.containsIP(string): bool', (c: CelCidr, t: string) =>
      c.containsIp(ip(t)),
    )
    .registerFunction('net.CIDR.containsCIDR(net.CIDR): bool', (c: CelCidr, o: CelCidr) =>
      c.containsCidr(o),
    )
    .registerFunction('net.CIDR.containsCIDR(string): bool', (c: CelCidr, t: string) =>
      c.containsCidr(cidr(t)),
    );
}
