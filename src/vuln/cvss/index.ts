import type { Severity } from '../../core/severity.js';
import { cvss3 } from './cvss3.js';
import { cvss4 } from './cvss4.js';

export { cvss3, type Cvss3Score } from './cvss3.js';
export { cvss4, type Cvss4Score } from './cvss4.js';

/** A severity derived from one OSV `severity[]` entry. */
export interface ScoredSeverity {
  readonly type: string;
  readonly vector: string;
  /** The base score, when cubecape can compute it for this vector type. */
  readonly score?: number;
  readonly severity?: Severity;
}

/**
 * The qualitative rating of a CVSS base score (the bands of the v3.1 and v4.0 specifications);
 * a score of 0.0 ("None") maps to `info`.
 */
export function severityForScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/**
 * Scores one OSV severity entry (`{ type, score }`). CVSS v3.x and v4.0 vectors are computed;
 * other types (CVSS_V2, Ubuntu priorities) are kept as vectors without a score.
 */
export function scoreOsvSeverity(type: string, vector: string): ScoredSeverity {
  if (type === 'CVSS_V3') {
    const parsed = cvss3(vector);
    if (parsed !== undefined)
      return {
        type,
        vector,
        score: parsed.baseScore,
        severity: severityForScore(parsed.baseScore),
      };
  }
  if (type === 'CVSS_V4') {
    const parsed = cvss4(vector);
    if (parsed !== undefined)
      return { type, vector, score: parsed.score, severity: severityForScore(parsed.score) };
  }
  return { type, vector };
}
