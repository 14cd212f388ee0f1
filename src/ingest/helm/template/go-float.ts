/**
 * Go's float formatting (strconv.FormatFloat) for the verbs templates use: shortest `%v`/`%g`,
 * fixed `%f` and exponent `%e`, with Go's two-digit exponents (`1e+06`).
 */

interface Digits {
  /** Significant decimal digits, no leading zeros (`"0"` for zero). */
  readonly digits: string;
  /** Decimal exponent of the first digit: value = 0.d1d2… × 10^(exp+1). */
  readonly exp: number;
}

function shortestDigits(value: number): Digits {
  const text = Math.abs(value).toExponential();
  const [mantissa = '0', exponent = '0'] = text.split('e');
  return { digits: mantissa.replace('.', ''), exp: Number(exponent) };
}

function precisionDigits(value: number, significant: number): Digits {
  const text = Math.abs(value).toExponential(Math.max(0, significant - 1));
  const [mantissa = '0', exponent = '0'] = text.split('e');
  return { digits: mantissa.replace('.', ''), exp: Number(exponent) };
}

function goExponent(exp: number): string {
  const sign = exp < 0 ? '-' : '+';
  const abs = Math.abs(exp);
  return `${sign}${abs < 10 ? '0' : ''}${String(abs)}`;
}

function special(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return undefined;
}

function sign(value: number): string {
  return value < 0 || Object.is(value, -0) ? '-' : '';
}

function renderE(d: Digits, precision: number, upper: boolean): string {
  let mantissa = d.digits;
  if (precision >= 0) mantissa = mantissa.padEnd(precision + 1, '0').slice(0, precision + 1);
  const head = mantissa.slice(0, 1);
  const tail = mantissa.slice(1);
  const body = tail.length > 0 ? `${head}.${tail}` : head;
  return `${body}${upper ? 'E' : 'e'}${goExponent(d.digits === '0' ? 0 : d.exp)}`;
}

function renderF(d: Digits, fraction: number): string {
  if (d.digits === '0') return fraction > 0 ? `0.${'0'.repeat(fraction)}` : '0';
  const point = d.exp + 1;
  let intPart: string;
  let fracPart: string;
  if (point <= 0) {
    intPart = '0';
    fracPart = '0'.repeat(-point) + d.digits;
  } else {
    intPart = d.digits.slice(0, point).padEnd(point, '0');
    fracPart = d.digits.slice(point);
  }
  if (fraction >= 0) fracPart = fracPart.padEnd(fraction, '0').slice(0, fraction);
  return fracPart.length > 0 ? `${intPart}.${fracPart}` : intPart;
}

/** The exact binary value of a finite double as m × 2^e. */
function decompose(value: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  return exp === 0 ? [frac, -1074] : [frac | (1n << 52n), exp - 1075];
}

/** `%.Nf` of a non-negative double, rounded exactly and half to even like Go. */
function exactFixed(value: number, fraction: number): string {
  const [m, e] = decompose(value);
  const scale = 10n ** BigInt(fraction);
  let q: bigint;
  if (e >= 0) {
    q = (m << BigInt(e)) * scale;
  } else {
    const num = m * scale;
    const den = 1n << BigInt(-e);
    q = num / den;
    const twice = (num % den) * 2n;
    if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  }
  const digits = q.toString().padStart(fraction + 1, '0');
  if (fraction === 0) return digits;
  return `${digits.slice(0, -fraction)}.${digits.slice(-fraction)}`;
}

/**
 * Formats like Go's strconv.FormatFloat(value, fmt, prec, 64) for fmt in e, E, f, g, G.
 * `prec` -1 means the shortest representation that round-trips.
 */
export function formatFloat(value: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  const sp = special(value);
  if (sp !== undefined) return sp;
  const s = sign(value);
  switch (fmt) {
    case 'e':
    case 'E': {
      const d = prec < 0 ? shortestDigits(value) : precisionDigits(value, prec + 1);
      return s + renderE(d, prec, fmt === 'E');
    }
    case 'f':
      return (
        s + (prec < 0 ? renderF(shortestDigits(value), prec) : exactFixed(Math.abs(value), prec))
      );
    default:
      return s + formatG(value, prec, fmt === 'G');
  }
}

function formatG(value: number, prec: number, upper: boolean): string {
  let d: Digits;
  let eprec: number;
  if (prec < 0) {
    d = shortestDigits(value);
    eprec = 6;
  } else {
    const p = prec === 0 ? 1 : prec;
    d = precisionDigits(value, p);
    d = { digits: d.digits.replace(/0+$/, '') || '0', exp: d.exp };
    eprec = p;
  }
  const exp = d.digits === '0' ? 0 : d.exp;
  if (prec >= 0 && eprec > d.digits.length && d.digits.length >= exp + 1) eprec = d.digits.length;
  if (exp < -4 || exp >= eprec) return renderE(d, d.digits.length - 1, upper);
  return renderF(d, Math.max(d.digits.length - (exp + 1), 0));
}

/** Go's `%v` for a float64: shortest `%g` with exponent from 1e21 up and below 1e-4. */
export function formatFloatV(value: number): string {
  return formatFloat(value, 'g', -1);
}
