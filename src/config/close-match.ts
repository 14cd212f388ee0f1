/** Optimal string alignment distance: edits, with a swap of neighbours counting as one. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i];
    if (row === undefined) continue;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Longest word compared; beyond it typos are not worth quadratic work. */
const MAX_COMPARED = 128;

/**
 * Candidates close to `wanted` (case-insensitive), nearest first, at most `limit`. A candidate
 * is close when a few edits turn one into the other, or when one contains the other.
 */
export function closestMatches(wanted: string, candidates: readonly string[], limit = 3): string[] {
  const needle = wanted.toLowerCase().slice(0, MAX_COMPARED);
  if (needle === '') return [];
  const budget = Math.max(2, Math.floor(needle.length / 3));
  const scored = candidates.flatMap((candidate) => {
    const hay = candidate.toLowerCase().slice(0, MAX_COMPARED);
    const distance = editDistance(needle, hay);
    const contained = needle.length >= 4 && (hay.includes(needle) || needle.includes(hay));
    if (distance > budget && !contained) return [];
    return [{ candidate, score: contained ? Math.min(distance, budget) : distance }];
  });
  scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  return [...new Set(scored.map((entry) => entry.candidate))].slice(0, limit);
}
