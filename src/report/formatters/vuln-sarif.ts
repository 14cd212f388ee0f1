import { TOOL_VERSION } from '../../core/version.js';
import type { ReportVulnerability, ScanReport } from '../scan-report.js';
import type { FormatContext } from './types.js';

type Json = Record<string, unknown>;
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function level(v: ReportVulnerability): 'error' | 'warning' | 'note' {
  if (v.severity === 'critical' || v.severity === 'high') return 'error';
  if (v.severity === 'medium') return 'warning';
  return 'note';
}

function helpUri(id: string): string {
  if (id.startsWith('CVE-')) return `https://nvd.nist.gov/vuln/detail/${id}`;
  if (id.startsWith('GHSA-')) return `https://github.com/advisories/${id}`;
  return `https://osv.dev/vulnerability/${id}`;
}

function rule(v: ReportVulnerability): Json {
  const text = v.summary ?? `${v.id} in ${v.package.name}`;
  return {
    id: v.id,
    name: v.id.replace(/[^A-Za-z0-9]/g, ''),
    shortDescription: { text },
    fullDescription: { text: [v.id, ...v.aliases].join(', ') },
    helpUri: helpUri(v.id),
    help: { text: `${text}. Aliases: ${v.aliases.join(', ') || 'none'}.` },
    defaultConfiguration: { level: level(v) },
    properties: {
      tags: ['security', 'vulnerability'],
      ...(v.cvss === undefined ? {} : { 'security-severity': v.cvss.score.toFixed(1) }),
    },
  };
}

function result(v: ReportVulnerability, index: number): Json {
  const fixed =
    v.fixedVersions.length === 0 ? 'no fix known' : `fixed in ${v.fixedVersions.join(', ')}`;
  const locations = v.locations.map((l) => ({
    physicalLocation: { artifactLocation: { uri: encodeURI(l.path.replace(/^\//, '')) } },
    ...(l.layer === undefined ? {} : { properties: { layer: l.layer } }),
  }));
  return {
    ruleId: v.id,
    ruleIndex: index,
    level: level(v),
    message: {
      text: `${v.package.name} ${v.package.version} is affected by ${v.id} (${v.severity}); ${fixed}`,
    },
    ...(locations.length === 0 ? {} : { locations }),
    partialFingerprints: {
      'cubecape/vuln/v1': `${v.id}|${v.package.purl ?? `${v.package.ecosystem}/${v.package.name}`}|${v.package.version}`,
    },
    ...(v.suppression === undefined
      ? {}
      : {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: [
                v.suppression.status,
                v.suppression.justification,
                v.suppression.statement,
              ]
                .filter((s) => s !== undefined)
                .join(': '),
            },
          ],
        }),
    properties: {
      package: v.package,
      installedVersion: v.package.version,
      fixedVersions: v.fixedVersions,
      aliases: v.aliases,
      ...(v.cvss === undefined ? {} : { cvss: v.cvss }),
    },
  };
}

/** Vulnerability findings as SARIF 2.1.0: one rule per vulnerability id, one result per package. */
export function vulnSarif(report: ScanReport, _ctx: FormatContext): string {
  const vulns = report.vulnerabilities ?? [];
  const rules: Json[] = [];
  const index = new Map<string, number>();
  for (const v of vulns) {
    if (index.has(v.id)) continue;
    index.set(v.id, rules.length);
    rules.push(rule(v));
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cubecape',
            version: TOOL_VERSION,
            informationUri: 'https://cubecape.io',
            rules,
          },
        },
        results: vulns.map((v) => result(v, index.get(v.id) ?? 0)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
