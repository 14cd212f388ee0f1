/**
 * Groups advisory ids that describe the same vulnerability: two advisories are one
 * vulnerability when either lists the other's id, or both list a common alias (a CVE shared
 * by a GO- and a PYSEC- record). Returns groups in first-seen order.
 */
export function groupByAlias(
  advisories: readonly { readonly id: string; readonly aliases: readonly string[] }[],
): string[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    for (let next = parent.get(root); next !== undefined && next !== root; next = parent.get(root))
      root = next;
    parent.set(id, root);
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const { id, aliases } of advisories) {
    if (!parent.has(id)) parent.set(id, id);
    for (const alias of aliases) {
      if (!parent.has(alias)) parent.set(alias, alias);
      union(id, alias);
    }
  }
  const groups = new Map<string, string[]>();
  for (const { id } of advisories) {
    const root = find(id);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [id]);
    else if (!group.includes(id)) group.push(id);
  }
  return [...groups.values()];
}

/** Rank for choosing the id a finding is reported under: CVE, then GHSA, then the rest. */
function idRank(id: string): number {
  if (id.startsWith('CVE-')) return 0;
  if (id.startsWith('GHSA-')) return 1;
  return 2;
}

/** The id to report a vulnerability under, chosen from all its ids deterministically. */
export function primaryId(ids: Iterable<string>): string {
  return [...ids].sort((a, b) => idRank(a) - idRank(b) || (a < b ? -1 : a > b ? 1 : 0))[0] ?? '';
}
