/**
 * Go's fmt package as templates reach it: Sprint (printing values, `print`), Sprintln and Sprintf
 * (`printf`). Composite values print element-wise with the same verb, as Go does.
 */
import { formatFloat, formatFloatV } from './go-float.js';
import { canBackquote, goQuote } from './go-quote.js';
import { GoObject, goTypeName, isGoMap, sortedKeys, type GoValue } from './values.js';

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number | undefined;
  prec: number | undefined;
}

const PLAIN: Spec = {
  minus: false,
  plus: false,
  sharp: false,
  space: false,
  zero: false,
  width: undefined,
  prec: undefined,
};

function pad(text: string, spec: Spec, numeric = false): string {
  const width = spec.width ?? 0;
  const len = Array.from(text).length;
  if (len >= width) return text;
  if (spec.minus) return text + ' '.repeat(width - len);
  if (spec.zero && numeric) {
    const signLen = /^[+\- ]/.test(text) ? 1 : 0;
    return text.slice(0, signLen) + '0'.repeat(width - len) + text.slice(signLen);
  }
  return ' '.repeat(width - len) + text;
}

function badVerb(verb: string, value: GoValue): string {
  if (value === null || value === undefined) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(value)}=${sprintOne(value)})`;
}

function withSign(text: string, negative: boolean, spec: Spec): string {
  if (negative) return `-${text}`;
  if (spec.plus) return `+${text}`;
  return spec.space ? ` ${text}` : text;
}

function formatInt(value: bigint, verb: string, spec: Spec): string | undefined {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  let body: string;
  switch (verb) {
    case 'v':
    case 'd':
      body = abs.toString(10);
      break;
    case 'b':
      body = abs.toString(2);
      break;
    case 'o':
      body = (spec.sharp ? '0' : '') + abs.toString(8);
      break;
    case 'O':
      body = `0o${abs.toString(8)}`;
      break;
    case 'x':
      body = (spec.sharp ? '0x' : '') + abs.toString(16);
      break;
    case 'X':
      body = (spec.sharp ? '0X' : '') + abs.toString(16).toUpperCase();
      break;
    case 'c':
      return pad(String.fromCodePoint(Number(abs) <= 0x10ffff ? Number(abs) : 0xfffd), spec);
    case 'q':
      return pad(
        goQuote(String.fromCodePoint(Number(abs) <= 0x10ffff ? Number(abs) : 0xfffd), false, "'"),
        spec,
      );
    case 'U':
      return pad(`U+${abs.toString(16).toUpperCase().padStart(4, '0')}`, spec);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      return undefined;
    default:
      return undefined;
  }
  if (spec.prec !== undefined) body = body.padStart(spec.prec, '0');
  return pad(withSign(body, negative, spec), spec, spec.prec === undefined);
}

function formatFloatVerb(value: number, verb: string, spec: Spec): string | undefined {
  let text: string;
  const prec = spec.prec ?? -1;
  switch (verb) {
    case 'v':
    case 'g':
      text = formatFloat(value, 'g', prec);
      break;
    case 'G':
      text = formatFloat(value, 'G', prec);
      break;
    case 'e':
    case 'E':
      text = formatFloat(value, verb, spec.prec ?? 6);
      break;
    case 'f':
    case 'F':
      text = formatFloat(value, 'f', spec.prec ?? 6);
      break;
    default:
      return undefined;
  }
  if (!text.startsWith('-') && !text.startsWith('+')) {
    if (spec.plus) text = `+${text}`;
    else if (spec.space) text = ` ${text}`;
  }
  const numeric = !/Inf|NaN/.test(text);
  return pad(text, spec, numeric);
}

function formatString(value: string, verb: string, spec: Spec): string | undefined {
  let text = value;
  if (spec.prec !== undefined && (verb === 's' || verb === 'v' || verb === 'q')) {
    text = Array.from(text).slice(0, spec.prec).join('');
  }
  switch (verb) {
    case 'v':
    case 's':
      return pad(text, spec);
    case 'q':
      if (spec.sharp && canBackquote(text)) return pad(`\`${text}\``, spec);
      return pad(goQuote(text, spec.plus), spec);
    case 'x':
    case 'X': {
      const bytes = Buffer.from(text, 'utf8').toString('hex');
      return pad(verb === 'X' ? bytes.toUpperCase() : bytes, spec);
    }
    default:
      return undefined;
  }
}

/** `%#v`: Go-syntax representation. */
function goSyntax(value: GoValue, nested: boolean): string {
  if (value === null || value === undefined) return nested ? 'interface {}(nil)' : '<nil>';
  switch (typeof value) {
    case 'string':
      return goQuote(value);
    case 'number': {
      const text = formatFloat(value, 'e', -1);
      const exp = Number(text.split('e')[1] ?? 0);
      return exp < -4 || exp >= 21 ? text : formatFloat(value, 'f', -1);
    }
    case 'boolean':
    case 'bigint':
      return value.toString();
    case 'function':
      return '(func(...interface {}) interface {})(0x0)';
    default:
      if (Array.isArray(value))
        return `[]interface {}{${value.map((v) => goSyntax(v, true)).join(', ')}}`;
      if (value instanceof GoObject) return goQuote(value.toGoString());
      return `map[string]interface {}{${sortedKeys(value)
        .map((k) => `${goQuote(k)}:${goSyntax(value[k], true)}`)
        .join(', ')}}`;
  }
}

function formatValue(value: GoValue, verb: string, spec: Spec, depth: number): string {
  if (verb === 'T') return pad(goTypeName(value), spec);
  if (verb === 'v' && spec.sharp) return pad(goSyntax(value, depth > 0), spec);
  if (value === null || value === undefined) {
    return depth === 0 && verb !== 'v' ? badVerb(verb, value) : pad('<nil>', spec);
  }
  let out: string | undefined;
  switch (typeof value) {
    case 'boolean':
      out = verb === 'v' || verb === 't' ? pad(String(value), spec) : undefined;
      break;
    case 'bigint':
      out = formatInt(value, verb, spec);
      break;
    case 'number':
      out = formatFloatVerb(value, verb, spec);
      break;
    case 'string':
      out = formatString(value, verb, spec);
      break;
    case 'function':
      out = verb === 'v' || verb === 'p' ? pad('0x0', spec) : undefined;
      break;
    default:
      if (Array.isArray(value)) {
        return `[${value.map((item) => formatValue(item, verb, spec, depth + 1)).join(' ')}]`;
      }
      if (value instanceof GoObject) {
        out = verb === 'v' || verb === 's' ? pad(value.toGoString(), spec) : undefined;
        if (verb === 'q') out = pad(goQuote(value.toGoString()), spec);
        break;
      }
      if (isGoMap(value)) {
        const parts = sortedKeys(value).map(
          (key) =>
            `${formatValue(key, verb, spec, depth + 1)}:${formatValue(value[key], verb, spec, depth + 1)}`,
        );
        return `map[${parts.join(' ')}]`;
      }
  }
  return out ?? badVerb(verb, value);
}

/** fmt.Sprint of one operand (`%v`). */
export function sprintOne(value: GoValue): string {
  if (typeof value === 'number') return formatFloatV(value);
  if (typeof value === 'string') return value;
  return formatValue(value, 'v', PLAIN, 1);
}

/** fmt.Sprint: spaces only between operands where neither is a string. */
export function sprint(args: readonly GoValue[]): string {
  let out = '';
  args.forEach((arg, i) => {
    const prev = i > 0 ? args[i - 1] : undefined;
    if (i > 0 && typeof arg !== 'string' && typeof prev !== 'string') out += ' ';
    out += sprintOne(arg);
  });
  return out;
}

/** fmt.Sprintln: always spaces between operands, newline at the end. */
export function sprintln(args: readonly GoValue[]): string {
  return `${args.map(sprintOne).join(' ')}\n`;
}

function parseNumber(format: string, start: number): [number | undefined, number] {
  let i = start;
  while (i < format.length && format[i] !== undefined && /[0-9]/.test(format[i] ?? '')) i++;
  return i === start ? [undefined, i] : [Number(format.slice(start, i)), i];
}

function readFlags(format: string, start: number, spec: Spec): number {
  let i = start;
  for (; i < format.length; i++) {
    const c = format[i];
    if (c === '-') spec.minus = true;
    else if (c === '+') spec.plus = true;
    else if (c === '#') spec.sharp = true;
    else if (c === ' ') spec.space = true;
    else if (c === '0') spec.zero = !spec.minus;
    else break;
  }
  return i;
}

/** Reads `*` or digits for width/precision; `*` consumes an int argument. */
function readCount(
  format: string,
  i: number,
  args: readonly GoValue[],
  next: { n: number },
): [number | undefined, number, boolean] {
  if (format[i] === '*') {
    const arg = args[next.n++];
    if (typeof arg === 'bigint') return [Number(arg), i + 1, false];
    return [undefined, i + 1, true];
  }
  const [n, j] = parseNumber(format, i);
  return [n, j, false];
}

/** fmt.Sprintf with Go's verbs, flags, width, precision and error annotations. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  let out = '';
  const next = { n: 0 };
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    const spec: Spec = { ...PLAIN };
    let j = readFlags(format, pct + 1, spec);
    let bad: boolean;
    [spec.width, j, bad] = readCount(format, j, args, next);
    if (spec.width !== undefined && spec.width < 0) {
      spec.minus = true;
      spec.width = -spec.width;
    }
    if (format[j] === '.') {
      let badPrec: boolean;
      [spec.prec, j, badPrec] = readCount(format, j + 1, args, next);
      spec.prec ??= 0;
      bad ||= badPrec;
    }
    const verbChar = String.fromCodePoint(format.codePointAt(j) ?? 0x21);
    if (j >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    i = j + verbChar.length;
    if (bad) out += '%!(BADWIDTH)';
    if (verbChar === '%') {
      out += '%';
      continue;
    }
    if (next.n >= args.length) {
      out += `%!${verbChar}(MISSING)`;
      continue;
    }
    const arg = args[next.n++];
    out +=
      verbChar === 'v' && spec.plus && !spec.sharp
        ? formatValue(arg, 'v', { ...spec, plus: false }, 0)
        : formatValue(arg, verbChar, spec, 0);
  }
  if (next.n < args.length) {
    const extra = args
      .slice(next.n)
      .map((a) => (a === null || a === undefined ? '<nil>' : `${goTypeName(a)}=${sprintOne(a)}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}
