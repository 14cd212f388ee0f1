/** A parsed CVSS v3.0/v3.1 vector with its base score. */
export interface Cvss3Score {
  readonly version: '3.0' | '3.1';
  readonly vector: string;
  /** Base score, 0.0–10.0, rounded as the specification of `version` says. */
  readonly baseScore: number;
}

type Weights = Readonly<Record<string, number>>;

/** Base metric weights from the CVSS v3.1 specification, section 7.4 (identical in v3.0). */
const BASE: Readonly<Record<string, Weights>> = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  PR: { N: 0.85, L: 0.62, H: 0.27 },
  UI: { N: 0.85, R: 0.62 },
  S: { U: 0, C: 0 },
  C: { H: 0.56, L: 0.22, N: 0 },
  I: { H: 0.56, L: 0.22, N: 0 },
  A: { H: 0.56, L: 0.22, N: 0 },
};

/** Privileges Required weighs more when the scope changes. */
const PR_SCOPE_CHANGED: Weights = { N: 0.85, L: 0.68, H: 0.5 };

/** Temporal and environmental metrics may follow the base ones; they do not change the base. */
const OPTIONAL: Readonly<Record<string, readonly string[]>> = {
  E: ['X', 'H', 'F', 'P', 'U'],
  RL: ['X', 'U', 'W', 'T', 'O'],
  RC: ['X', 'C', 'R', 'U'],
  CR: ['X', 'H', 'M', 'L'],
  IR: ['X', 'H', 'M', 'L'],
  AR: ['X', 'H', 'M', 'L'],
  MAV: ['X', 'N', 'A', 'L', 'P'],
  MAC: ['X', 'L', 'H'],
  MPR: ['X', 'N', 'L', 'H'],
  MUI: ['X', 'N', 'R'],
  MS: ['X', 'U', 'C'],
  MC: ['X', 'H', 'L', 'N'],
  MI: ['X', 'H', 'L', 'N'],
  MA: ['X', 'H', 'L', 'N'],
};

/**
 * CVSS v3.1 Roundup (Appendix A): works on integers so that 4.000000001 does not round
 * up to 4.1 through floating-point noise.
 */
function roundUp31(value: number): number {
  const scaled = Math.round(value * 100000);
  if (scaled % 10000 === 0) return scaled / 100000;
  return (Math.floor(scaled / 10000) + 1) / 10;
}

/** CVSS v3.0 defined Roundup as the plain ceiling to one decimal. */
const roundUp30 = (value: number): number => Math.ceil(value * 10) / 10;

function readMetrics(parts: readonly string[]): Map<string, string> | undefined {
  const metrics = new Map<string, string>();
  for (const part of parts) {
    const [key, value, extra] = part.split(':');
    if (key === undefined || value === undefined || extra !== undefined) return undefined;
    if (metrics.has(key)) return undefined;
    const allowed = Object.hasOwn(BASE, key)
      ? Object.keys(BASE[key] ?? {})
      : Object.hasOwn(OPTIONAL, key)
        ? OPTIONAL[key]
        : undefined;
    if (allowed?.includes(value) !== true) return undefined;
    metrics.set(key, value);
  }
  return Object.keys(BASE).every((key) => metrics.has(key)) ? metrics : undefined;
}

function weight(
  metrics: Map<string, string>,
  key: string,
  table: Weights = BASE[key] ?? {},
): number {
  return table[metrics.get(key) ?? ''] ?? 0;
}

/**
 * Parses a CVSS v3.0 or v3.1 vector string (`CVSS:3.1/AV:N/AC:L/...`) and computes its base
 * score with the specification's formula. `undefined` for anything that is not a complete,
 * well-formed v3 vector (missing or repeated metrics, unknown values, another version).
 */
export function cvss3(vector: string): Cvss3Score | undefined {
  if (typeof vector !== 'string') return undefined;
  const [prefix, ...parts] = vector.trim().split('/');
  const version = prefix === 'CVSS:3.1' ? '3.1' : prefix === 'CVSS:3.0' ? '3.0' : undefined;
  if (version === undefined) return undefined;
  const metrics = readMetrics(parts);
  if (metrics === undefined) return undefined;
  const changed = metrics.get('S') === 'C';
  const iss =
    1 - (1 - weight(metrics, 'C')) * (1 - weight(metrics, 'I')) * (1 - weight(metrics, 'A'));
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const privileges = weight(metrics, 'PR', changed ? PR_SCOPE_CHANGED : BASE['PR']);
  const exploitability =
    8.22 * weight(metrics, 'AV') * weight(metrics, 'AC') * privileges * weight(metrics, 'UI');
  const roundUp = version === '3.1' ? roundUp31 : roundUp30;
  let baseScore = 0;
  if (impact > 0) {
    const sum = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
    baseScore = roundUp(Math.min(sum, 10));
  }
  return { version, vector: vector.trim(), baseScore };
}
