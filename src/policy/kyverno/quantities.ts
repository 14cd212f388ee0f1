import { parseQuantity } from '../../config/quantity.js';

const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g;
const DURATION = /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/;
const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/** Parses a Go duration (`1h30m`, `90s`) into seconds; undefined when it is not one. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '0') return 0;
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(DURATION_PART)) {
    total += Number(match[1]) * (UNIT_SECONDS[match[2] ?? ''] ?? 0);
  }
  return text.startsWith('-') ? -total : total;
}

/** A number, or a numeric string; undefined otherwise. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** A Kubernetes quantity (`500m`, `1Gi`) or plain number, as a number. */
export function toQuantity(value: unknown): number | undefined {
  return parseQuantity(value);
}

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Compares two semantic versions: -1, 0, 1, or undefined when either is not one. */
export function compareSemver(left: string, right: string): number | undefined {
  const a = SEMVER.exec(left.trim());
  const b = SEMVER.exec(right.trim());
  if (a === null || b === null) return undefined;
  for (let i = 1; i <= 3; i++) {
    const diff = Number(a[i]) - Number(b[i]);
    if (diff !== 0) return Math.sign(diff);
  }
  const preA = a[4];
  const preB = b[4];
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

/**
 * Orders two values the way Kyverno's numeric operators do: numbers first, then durations, then
 * quantities, then semantic versions. Undefined when they are not comparable.
 */
export function compareOrdered(left: unknown, right: unknown): number | undefined {
  const numbers = [toNumber(left), toNumber(right)] as const;
  if (numbers[0] !== undefined && numbers[1] !== undefined)
    return Math.sign(numbers[0] - numbers[1]);
  const durations = [parseDuration(left), parseDuration(right)] as const;
  if (durations[0] !== undefined && durations[1] !== undefined) {
    return Math.sign(durations[0] - durations[1]);
  }
  const quantities = [toQuantity(left), toQuantity(right)] as const;
  if (quantities[0] !== undefined && quantities[1] !== undefined) {
    return Math.sign(quantities[0] - quantities[1]);
  }
  if (typeof left === 'string' && typeof right === 'string') return compareSemver(left, right);
  return undefined;
}
