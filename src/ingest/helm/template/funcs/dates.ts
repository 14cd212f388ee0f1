/** sprig's date functions. The clock and local zone come from the injectable environment. */
import { fn, type CallContext, type FunctionMap, str } from '../functions.js';
import type { GoValue } from '../values.js';
import { checkZone, formatGoDuration, formatGoTime, GoTime, parseGoDuration } from './go-time.js';

/** sprig's formatDate input rules: times, integer epoch seconds, anything else means now. */
function toTime(date: GoValue, ctx: CallContext, zone: string): GoTime {
  if (date instanceof GoTime) return new GoTime(date.ms, zone);
  if (typeof date === 'bigint') return new GoTime(Number(date) * 1000, zone);
  return new GoTime(ctx.environment.now(), zone);
}

function zoneOf(zone: string, ctx: CallContext): string {
  if (zone === 'Local') return ctx.environment.timeZone;
  if (zone === '' || zone === 'UTC') return 'UTC';
  try {
    checkZone(zone);
    return zone;
  } catch {
    return 'UTC';
  }
}

function durationRound(value: GoValue, ctx: CallContext): string {
  let d = 0n;
  if (typeof value === 'string') {
    try {
      d = parseGoDuration(value);
    } catch {
      d = 0n;
    }
  } else if (typeof value === 'bigint') d = value;
  else if (value instanceof GoTime) d = BigInt(ctx.environment.now() - value.ms) * 1_000_000n;
  const u = d < 0n ? -d : d;
  const HOUR = 3_600_000_000_000n;
  const steps: [bigint, string][] = [
    [HOUR * 24n * 365n, 'y'],
    [HOUR * 24n * 30n, 'mo'],
    [HOUR * 24n, 'd'],
    [HOUR, 'h'],
    [60_000_000_000n, 'm'],
    [1_000_000_000n, 's'],
  ];
  for (const [unit, suffix] of steps) if (u > unit) return `${String(u / unit)}${suffix}`;
  return '0s';
}

function ago(date: GoValue, ctx: CallContext): string {
  const t = toTime(date, ctx, 'UTC');
  const ms = ctx.environment.now() - t.ms;
  return formatGoDuration(BigInt(Math.round(ms / 1000)) * 1_000_000_000n);
}

/** The date family. */
const dateBase: FunctionMap = {
  now: fn([], (_args, ctx) => new GoTime(ctx.environment.now(), ctx.environment.timeZone)),
  date: fn(['string', 'any'], ([f, d], ctx) =>
    formatGoTime(toTime(d, ctx, ctx.environment.timeZone), str(f)),
  ),
  dateInZone: fn(['string', 'any', 'string'], ([f, d, z], ctx) =>
    formatGoTime(toTime(d, ctx, zoneOf(str(z), ctx)), str(f)),
  ),
  date_in_zone: fn(['string', 'any', 'string'], ([f, d, z], ctx) =>
    formatGoTime(toTime(d, ctx, zoneOf(str(z), ctx)), str(f)),
  ),
  htmlDate: fn(['any'], ([d], ctx) =>
    formatGoTime(toTime(d, ctx, ctx.environment.timeZone), '2006-01-02'),
  ),
  htmlDateInZone: fn(['any', 'string'], ([d, z], ctx) =>
    formatGoTime(toTime(d, ctx, zoneOf(str(z), ctx)), '2006-01-02'),
  ),
  unixEpoch: fn(['time'], ([d]) => String(Math.floor((d as GoTime).ms / 1000))),
  dateModify: fn(['string', 'time'], ([f, d]) => {
    const t = d as GoTime;
    try {
      return new GoTime(t.ms + Number(parseGoDuration(str(f)) / 1_000_000n), t.zone);
    } catch {
      return t;
    }
  }),
  mustDateModify: fn(['string', 'time'], ([f, d]) => {
    const t = d as GoTime;
    return new GoTime(t.ms + Number(parseGoDuration(str(f)) / 1_000_000n), t.zone);
  }),
  ago: fn(['any'], ([d], ctx) => ago(d, ctx)),
  duration: fn(['any'], ([s]) => {
    let n = 0n;
    if (typeof s === 'string') n = /^[+-]?\d+$/.test(s) ? BigInt(s) : 0n;
    else if (typeof s === 'bigint') n = s;
    return formatGoDuration(n * 1_000_000_000n);
  }),
  durationRound: fn(['any'], ([d], ctx) => durationRound(d, ctx)),
  toDate: fn(['string', 'string'], ([, s], ctx) => {
    const ms = Date.parse(str(s));
    return new GoTime(Number.isNaN(ms) ? -62135596800000 : ms, ctx.environment.timeZone);
  }),
  mustToDate: fn(['string', 'string'], ([, s], ctx) => {
    const ms = Date.parse(str(s));
    if (Number.isNaN(ms)) throw new Error(`parsing time "${str(s)}": cannot parse`);
    return new GoTime(ms, ctx.environment.timeZone);
  }),
};

/** The date family with sprig's snake_case aliases. */
export const dateFunctions: FunctionMap = {
  ...dateBase,
  date_modify: dateBase.dateModify ?? fn([], () => null),
  must_date_modify: dateBase.mustDateModify ?? fn([], () => null),
};
