/** Go's time.Time as templates see it: layout-based formatting, durations, and String(). */
import { GoObject, type GoValue } from '../values.js';

/** An instant plus the zone it is shown in. */
export class GoTime extends GoObject {
  readonly goType = 'time.Time';
  constructor(
    readonly ms: number,
    readonly zone: string,
  ) {
    super();
  }

  field(name: string): GoValue {
    if (name === 'Unix') return BigInt(Math.floor(this.ms / 1000));
    if (name === 'Year') return BigInt(parts(this.ms, this.zone).year);
    return undefined;
  }

  toGoString(): string {
    return formatGoTime(this, '2006-01-02 15:04:05.999999999 -0700 MST');
  }
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  offsetMin: number;
  abbrev: string;
}

function zoneOffsetMinutes(ms: number, zone: string): number {
  if (zone === 'UTC' || zone === '') return 0;
  try {
    const fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    const name =
      fmt.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    if (m === null) return 0;
    const sign = m[1] === '-' ? -1 : 1;
    return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  } catch {
    throw new Error(`unknown time zone ${zone}`);
  }
}

/** Whether Go's time.LoadLocation would know the zone. */
export function checkZone(zone: string): void {
  zoneOffsetMinutes(0, zone);
}

function parts(ms: number, zone: string): Parts {
  const offsetMin = zoneOffsetMinutes(ms, zone);
  const d = new Date(ms + offsetMin * 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const abbrev =
    zone === 'UTC' || zone === ''
      ? 'UTC'
      : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${abs % 60 === 0 ? '' : String(abs % 60).padStart(2, '0')}`;
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
    offsetMin,
    abbrev,
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TOKENS =
  /January|Jan|Monday|Mon|MST|2006|06|01|_2|02|15|03|04|05|PM|pm|Z07:00|Z0700|Z07|-07:00|-0700|-07|[.,](?:0+|9+)|1|2|3|4|5/g;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function offset(min: number, colon: boolean, zulu: boolean, short = false): string {
  if (zulu && min === 0) return 'Z';
  const sign = min < 0 ? '-' : '+';
  const abs = Math.abs(min);
  if (short) return `${sign}${pad(Math.floor(abs / 60))}`;
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

function fraction(token: string, ms: number): string {
  const nanos = String((((ms % 1000) + 1000) % 1000) * 1_000_000).padStart(9, '0');
  const digits = token.length - 1;
  const sep = token[0] ?? '.';
  if (token[1] === '0') return sep + nanos.slice(0, digits);
  const trimmed = nanos.slice(0, digits).replace(/0+$/, '');
  return trimmed === '' ? '' : sep + trimmed;
}

function render(token: string, p: Parts, ms: number): string {
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const table: Record<string, () => string> = {
    January: () => MONTHS[p.month - 1] ?? '',
    Jan: () => (MONTHS[p.month - 1] ?? '').slice(0, 3),
    Monday: () => DAYS[p.weekday] ?? '',
    Mon: () => (DAYS[p.weekday] ?? '').slice(0, 3),
    MST: () => p.abbrev,
    '2006': () => pad(p.year, 4),
    '06': () => pad(p.year % 100),
    '01': () => pad(p.month),
    '1': () => String(p.month),
    _2: () => String(p.day).padStart(2, ' '),
    '02': () => pad(p.day),
    '2': () => String(p.day),
    '15': () => pad(p.hour),
    '03': () => pad(hour12),
    '3': () => String(hour12),
    '04': () => pad(p.minute),
    '4': () => String(p.minute),
    '05': () => pad(p.second),
    '5': () => String(p.second),
    PM: () => (p.hour >= 12 ? 'PM' : 'AM'),
    pm: () => (p.hour >= 12 ? 'pm' : 'am'),
    'Z07:00': () => offset(p.offsetMin, true, true),
    Z0700: () => offset(p.offsetMin, false, true),
    Z07: () => offset(p.offsetMin, false, true, true),
    '-07:00': () => offset(p.offsetMin, true, false),
    '-0700': () => offset(p.offsetMin, false, false),
    '-07': () => offset(p.offsetMin, false, false, true),
  };
  const f = table[token];
  return f === undefined ? fraction(token, ms) : f();
}

/** time.Time.Format with a Go reference layout. */
export function formatGoTime(t: GoTime, layout: string): string {
  const p = parts(t.ms, t.zone);
  return layout.replace(TOKENS, (token) => render(token, p, t.ms));
}

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n,
  μs: 1000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** time.ParseDuration, in nanoseconds. */
export function parseGoDuration(text: string): bigint {
  const m = /^([+-]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+|0)$/.exec(text);
  if (m === null) throw new Error(`time: invalid duration "${text}"`);
  if (m[2] === '0') return 0n;
  let total = 0n;
  for (const part of (m[2] ?? '').matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    const unit = UNITS[part[2] ?? 's'] ?? 1n;
    const [int = '0', frac = ''] = (part[1] ?? '0').split('.');
    total += BigInt(int || '0') * unit;
    if (frac !== '') total += (BigInt(frac) * unit) / 10n ** BigInt(frac.length);
  }
  return m[1] === '-' ? -total : total;
}

/** time.Duration.String. */
export function formatGoDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1_000_000_000n) {
    const [unit, div] =
      u < 1000n ? ['ns', 1n] : u < 1_000_000n ? ['µs', 1000n] : ['ms', 1_000_000n];
    out = decimal(u, div) + unit;
  } else {
    const h = u / 3_600_000_000_000n;
    u %= 3_600_000_000_000n;
    const m = u / 60_000_000_000n;
    u %= 60_000_000_000n;
    out = `${decimal(u, 1_000_000_000n)}s`;
    if (h > 0n || m > 0n) out = `${String(m)}m${out}`;
    if (h > 0n) out = `${String(h)}h${out}`;
  }
  return neg ? `-${out}` : out;
}

function decimal(value: bigint, div: bigint): string {
  const int = value / div;
  const frac = value % div;
  if (frac === 0n) return String(int);
  const width = String(div).length - 1;
  return `${String(int)}.${String(frac).padStart(width, '0').replace(/0+$/, '')}`;
}
