import type { ReportVulnerability } from '../../report/scan-report.js';
import { contentUuid, isoSeconds } from '../sbom/identity.js';
import type { VexJustification, VexStatus } from './openvex.js';

/** What `cubecape vex create` records. */
export interface VexCreateOptions {
  /** Vulnerability ids or aliases to cover; every finding of these ids is included. */
  readonly vulnerabilities: readonly string[];
  readonly status: VexStatus;
  readonly justification?: VexJustification;
  readonly impactStatement?: string;
  readonly actionStatement?: string;
  readonly author: string;
  readonly timestamp: Date;
  /** The product (image reference or purl) the statements are about; packages become subcomponents. */
  readonly product?: string;
}

type Json = Record<string, unknown>;

/**
 * An OpenVEX v0.2.0 document with one statement per selected vulnerability, listing the affected
 * packages by purl. The `@id` is derived from the content, so the same input gives the same file.
 * Returns the document and the requested ids that matched no finding.
 */
export function createOpenVex(
  findings: readonly ReportVulnerability[],
  options: VexCreateOptions,
): { document: Json; unmatched: string[] } {
  const wanted = new Set(options.vulnerabilities);
  const byId = new Map<string, { aliases: Set<string>; purls: Set<string> }>();
  const matched = new Set<string>();
  for (const finding of findings) {
    const names = [finding.id, ...finding.aliases];
    const hit = names.filter((n) => wanted.has(n));
    if (hit.length === 0 || finding.package.purl === undefined) continue;
    for (const n of hit) matched.add(n);
    const entry = byId.get(finding.id) ?? { aliases: new Set<string>(), purls: new Set<string>() };
    for (const alias of finding.aliases) entry.aliases.add(alias);
    entry.purls.add(finding.package.purl);
    byId.set(finding.id, entry);
  }
  const timestamp = isoSeconds(options.timestamp);
  const statements = [...byId.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, entry]) => {
      const purls = [...entry.purls].sort();
      const products =
        options.product === undefined
          ? purls.map((purl) => ({ '@id': purl }))
          : [{ '@id': options.product, subcomponents: purls.map((purl) => ({ '@id': purl })) }];
      return {
        vulnerability: {
          name: id,
          ...(entry.aliases.size === 0 ? {} : { aliases: [...entry.aliases].sort() }),
        },
        products,
        status: options.status,
        ...(options.justification === undefined ? {} : { justification: options.justification }),
        ...(options.impactStatement === undefined
          ? {}
          : { impact_statement: options.impactStatement }),
        ...(options.actionStatement === undefined
          ? {}
          : { action_statement: options.actionStatement }),
      };
    });
  const body = { author: options.author, timestamp, version: 1, statements };
  return {
    document: {
      '@context': 'https://openvex.dev/ns/v0.2.0',
      '@id': `https://openvex.dev/docs/public/vex-${contentUuid(JSON.stringify(body))}`,
      ...body,
    },
    unmatched: options.vulnerabilities.filter((v) => !matched.has(v)),
  };
}
