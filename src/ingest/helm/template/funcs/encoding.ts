/** Encodings, hashes, JSON, UUIDs and placeholder crypto functions. */
import { createHash } from 'node:crypto';
import { fn, type FunctionMap, str } from '../functions.js';
import { GoObject, type GoValue } from '../values.js';
import { parseGoJson, toGoJson } from './go-json.js';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function b32enc(s: string): string {
  const bytes = Buffer.from(s, 'utf8');
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(acc >>> (bits - 5)) & 31] ?? '';
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += B32[(acc << (5 - bits)) & 31] ?? '';
  return out.padEnd(Math.ceil(out.length / 8) * 8, '=');
}

function b32dec(s: string): string {
  const clean = s.replace(/[\r\n]/g, '');
  const body = clean.replace(/=+$/, '');
  if (clean.length % 8 !== 0 || !/^[A-Z2-7]*$/.test(body)) {
    const bad = Array.from(clean).findIndex((c) => !/[A-Z2-7=]/.test(c));
    return `illegal base32 data at input byte ${String(bad < 0 ? clean.length : bad)}`;
  }
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of body) {
    acc = (acc << 5) | B32.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bytes.push((acc >>> (bits - 8)) & 255);
      bits -= 8;
      acc &= (1 << bits) - 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function b64dec(s: string): string {
  const clean = s.replace(/[\r\n]/g, '');
  const bad = Array.from(clean).findIndex((c) => !/[A-Za-z0-9+/=]/.test(c));
  if (bad >= 0) return `illegal base64 data at input byte ${String(bad)}`;
  if (clean.length % 4 !== 0 || /=[^=]/.test(clean) || /={3,}$/.test(clean)) {
    const at = clean.indexOf('=') >= 0 ? clean.indexOf('=') : clean.length - (clean.length % 4);
    return `illegal base64 data at input byte ${String(at)}`;
  }
  return Buffer.from(clean, 'base64').toString('utf8');
}

function adler32(s: string): string {
  let a = 1;
  let b = 0;
  for (const byte of Buffer.from(s, 'utf8')) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return String(((b << 16) | a) >>> 0);
}

const hash = (algo: string) =>
  fn(['string'], ([s]) => createHash(algo).update(str(s), 'utf8').digest('hex'));

function uuidv4(random: () => number): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A certificate/key pair placeholder: rendering goes on offline, output is marked. */
class PlaceholderCert extends GoObject {
  readonly goType = 'sprig.certificate';
  field(name: string): GoValue {
    if (name === 'Cert')
      return '-----BEGIN CERTIFICATE-----\ncubecape-placeholder\n-----END CERTIFICATE-----\n';
    if (name === 'Key')
      return '-----BEGIN RSA PRIVATE KEY-----\ncubecape-placeholder\n-----END RSA PRIVATE KEY-----\n';
    return undefined;
  }
  toGoString(): string {
    return '{cubecape-placeholder}';
  }
}

const cert = fn([], () => new PlaceholderCert(), 'any');

function safeJson(v: GoValue, indent: string, escapeHtml: boolean): string {
  try {
    return toGoJson(v, indent, escapeHtml);
  } catch {
    return '';
  }
}

/** The encoding family. */
export const encodingFunctions: FunctionMap = {
  b64enc: fn(['string'], ([s]) => Buffer.from(str(s), 'utf8').toString('base64')),
  b64dec: fn(['string'], ([s]) => b64dec(str(s))),
  b32enc: fn(['string'], ([s]) => b32enc(str(s))),
  b32dec: fn(['string'], ([s]) => b32dec(str(s))),
  sha1sum: hash('sha1'),
  sha256sum: hash('sha256'),
  sha512sum: hash('sha512'),
  adler32sum: fn(['string'], ([s]) => adler32(str(s))),
  toJson: fn(['any'], ([v]) => safeJson(v, '', true)),
  toPrettyJson: fn(['any'], ([v]) => safeJson(v, '  ', true)),
  toRawJson: fn(['any'], ([v]) => safeJson(v, '', false)),
  mustToJson: fn(['any'], ([v]) => toGoJson(v)),
  mustToPrettyJson: fn(['any'], ([v]) => toGoJson(v, '  ')),
  mustToRawJson: fn(['any'], ([v]) => toGoJson(v, '', false)),
  fromJson: fn(['string'], ([s]) => {
    try {
      return parseGoJson(str(s));
    } catch {
      return null;
    }
  }),
  mustFromJson: fn(['string'], ([s]) => parseGoJson(str(s))),
  uuidv4: fn([], (_args, ctx) => uuidv4(ctx.environment.random)),
  randBytes: fn(['int'], ([n], ctx) =>
    Buffer.from(
      Array.from({ length: Number(n) }, () => Math.floor(ctx.environment.random() * 256)),
    ).toString('base64'),
  ),
  genCA: cert,
  genCAWithKey: cert,
  genSelfSignedCert: cert,
  genSelfSignedCertWithKey: cert,
  genSignedCert: cert,
  genSignedCertWithKey: cert,
  buildCustomCert: cert,
  genPrivateKey: fn(
    ['string'],
    () => '-----BEGIN RSA PRIVATE KEY-----\ncubecape-placeholder\n-----END RSA PRIVATE KEY-----\n',
  ),
  derivePassword: fn([], () => 'cubecape-placeholder', 'any'),
  encryptAES: fn(['string', 'string'], () => 'cubecape-placeholder'),
  decryptAES: fn(['string', 'string'], () => 'cubecape-placeholder'),
  bcrypt: fn(['string'], () => '$2a$10$cubecapeplaceholder'),
  htpasswd: fn(['string', 'string'], ([u]) => `${str(u)}:$2a$10$cubecapeplaceholder`),
  getHostByName: fn(['string'], () => ''),
};
