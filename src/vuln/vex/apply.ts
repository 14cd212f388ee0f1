import type { ReportVulnerability } from '../../report/scan-report.js';
import type { TargetInfo } from '../inventory/types.js';
import { parsePurl } from '../sbom/purl-package.js';
import type { VexDocument, VexStatement } from './openvex.js';

/**
 * Whether a VEX product identifier names this package purl, per OpenVEX product matching: a
 * purl without a version names every version; qualifiers given must all be present and equal;
 * qualifiers left out match anything.
 */
export function purlMatches(product: string, purl: string): boolean {
  const want = parsePurl(product);
  const have = parsePurl(purl);
  if (want === undefined || have === undefined) return false;
  if (want.base !== have.base) return false;
  if (want.version !== undefined && want.version !== have.version) return false;
  return Object.entries(want.qualifiers).every(([key, value]) => have.qualifiers[key] === value);
}

/** Whether an identifier names the scanned target (its digest, reference or an image name). */
function namesTarget(id: string, target: TargetInfo | undefined): boolean {
  if (target === undefined) return false;
  const digest = target.digest;
  if (
    digest !== undefined &&
    (id === digest || id.endsWith(`@${digest}`) || id.includes(digest.replace(':', '%3A')))
  )
    return true;
  return id === target.ref || (target.names ?? []).includes(id);
}

function applies(
  statement: VexStatement,
  vuln: ReportVulnerability,
  target: TargetInfo | undefined,
): boolean {
  const ids = new Set([vuln.id, ...vuln.aliases]);
  if (!statement.vulnerability.some((name) => ids.has(name))) return false;
  const purl = vuln.package.purl;
  if (purl === undefined) return false;
  if (statement.subcomponents.length > 0) {
    const productOk = statement.products.some(
      (p) => namesTarget(p, target) || purlMatches(p, purl),
    );
    return productOk && statement.subcomponents.some((s) => purlMatches(s, purl));
  }
  return statement.products.some((p) => purlMatches(p, purl) || namesTarget(p, target));
}

const order = (s: VexStatement): string => s.timestamp ?? '';

/**
 * Applies VEX documents to findings: for each finding the latest applicable statement (by
 * timestamp, then document order) decides; `not_affected` and `fixed` mark it suppressed with
 * the justification kept, `affected` and `under_investigation` leave it counted.
 */
export function applyVex(
  findings: readonly ReportVulnerability[],
  documents: readonly VexDocument[],
  target?: TargetInfo,
): ReportVulnerability[] {
  const statements = documents.flatMap((doc, d) =>
    doc.statements.map((statement, i) => ({ statement, doc, rank: d * 1_000_000 + i })),
  );
  return findings.map((vuln) => {
    const hits = statements
      .filter((s) => applies(s.statement, vuln, target))
      .sort((a, b) =>
        order(a.statement) !== order(b.statement)
          ? order(a.statement) < order(b.statement)
            ? -1
            : 1
          : a.rank - b.rank,
      );
    const last = hits.at(-1);
    if (last === undefined) return vuln;
    const { statement, doc } = last;
    if (statement.status !== 'not_affected' && statement.status !== 'fixed') return vuln;
    return {
      ...vuln,
      status: 'suppressed',
      suppression: {
        source: 'vex',
        status: statement.status,
        ...(statement.justification === undefined
          ? {}
          : { justification: statement.justification }),
        ...(statement.impactStatement === undefined
          ? {}
          : { statement: statement.impactStatement }),
        document: doc.file,
      },
    };
  });
}
