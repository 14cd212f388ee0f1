/**
 * Kubernetes resource quantities (`500m`, `1.5`, `128Mi`, `1e3`, `2G`) as plain numbers: CPU in
 * cores, memory in bytes. Doubles are exact enough to compare against configured bounds.
 */

const BINARY_SUFFIXES: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** Longer texts are not quantities; the cap keeps hostile input from costing anything. */
const MAX_QUANTITY_LENGTH = 64;

// The grammar of k8s.io/apimachinery resource.Quantity: a signed decimal, then either a decimal
// exponent (`e3`, `E-2`) or one suffix. `1E` is the exa suffix, `1E3` an exponent.
const QUANTITY =
  /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;

/**
 * Parses a quantity; numbers (YAML `cpu: 2`) are taken as they are. Returns undefined for
 * anything Kubernetes would reject, and for values that are not finite.
 */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '' || text.length > MAX_QUANTITY_LENGTH) return undefined;
  const match = QUANTITY.exec(text);
  const digits = match?.[1];
  if (match === null || digits === undefined) return undefined;
  const exponent = match[2];
  const suffix = match[3] ?? '';
  const scale =
    exponent !== undefined
      ? 10 ** Number(exponent)
      : (BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix]);
  if (scale === undefined) return undefined;
  // Dividing by 1e9 rounds better than multiplying by 1e-9: `100n` is exactly 1e-7.
  const result = scale < 1 ? Number(digits) / Math.round(1 / scale) : Number(digits) * scale;
  return Number.isFinite(result) ? result : undefined;
}
