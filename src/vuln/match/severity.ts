import type { Severity } from '../../core/severity.js';
import { severityRank } from '../../core/severity.js';
import { scoreOsvSeverity, type ScoredSeverity } from '../cvss/index.js';
import { isRecord } from '../db/osv-record.js';

/** The severity of a finding and where it came from. */
export interface FindingSeverity {
  readonly severity: Severity | undefined;
  /** The highest CVSS base score cubecape could compute, if any. */
  readonly score?: number;
  /** `cvss` when computed from a vector, `database` when taken from a database's own label. */
  readonly source: 'cvss' | 'database' | 'none';
  readonly vectors: readonly ScoredSeverity[];
}

/** Labels used by GHSA, Go, PyPA, Debian, Ubuntu and Red Hat data, lower-cased. */
const LABELS: Readonly<Record<string, Severity>> = {
  critical: 'critical',
  high: 'high',
  important: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low',
  negligible: 'low',
  unimportant: 'info',
  none: 'info',
};

function labelOf(container: unknown): Severity | undefined {
  if (!isRecord(container)) return undefined;
  const value = container['severity'];
  if (typeof value !== 'string') return undefined;
  const key = value.trim().toLowerCase();
  return Object.hasOwn(LABELS, key) ? LABELS[key] : undefined;
}

function highest(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return severityRank(a) >= severityRank(b) ? a : b;
}

/**
 * The severity of a group of advisories describing one vulnerability: the highest CVSS v3 base
 * score across their vectors (the highest v4.0 score when no v3 vector can be scored); when none can be scored, the highest label found in
 * `database_specific.severity` or `affected[].ecosystem_specific/database_specific.severity`.
 */
export function severityOf(
  documents: readonly unknown[],
  affected: readonly unknown[],
): FindingSeverity {
  const vectors: ScoredSeverity[] = [];
  let label: Severity | undefined;
  for (const document of documents) {
    if (!isRecord(document)) continue;
    const entries: unknown[] = Array.isArray(document['severity']) ? document['severity'] : [];
    for (const entry of entries) {
      if (
        isRecord(entry) &&
        typeof entry['type'] === 'string' &&
        typeof entry['score'] === 'string'
      )
        vectors.push(scoreOsvSeverity(entry['type'], entry['score']));
    }
    label = highest(label, labelOf(document['database_specific']));
  }
  for (const entry of affected) {
    if (!isRecord(entry)) continue;
    label = highest(label, labelOf(entry['ecosystem_specific']));
    label = highest(label, labelOf(entry['database_specific']));
  }
  // CVSS v3 scores are what databases and other scanners rate by; a v4 vector decides only
  // when no v3 vector could be scored.
  const v3 = vectors.filter((v) => v.type === 'CVSS_V3' && v.score !== undefined);
  const rated = v3.length > 0 ? v3 : vectors;
  const scores = rated.map((v) => v.score).filter((s): s is number => s !== undefined);
  if (scores.length > 0) {
    const best = rated.reduce((a, b) => ((b.score ?? -1) > (a.score ?? -1) ? b : a));
    return { severity: best.severity, score: Math.max(...scores), source: 'cvss', vectors };
  }
  if (label !== undefined) return { severity: label, source: 'database', vectors };
  return { severity: undefined, source: 'none', vectors };
}
