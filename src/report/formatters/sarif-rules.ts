import type { Severity } from '../../core/severity.js';
import type { ReportControl } from '../scan-report.js';

/** SARIF result levels. */
export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** Where a control is documented; also the `helpUri` of its SARIF rule. */
export function controlHelpUri(controlId: string): string {
  return `https://cubecape.io/controls/${encodeURIComponent(controlId)}`;
}

/** critical and high fail a code-scanning check by default; medium warns; the rest are notes. */
export const SARIF_LEVEL: Readonly<Record<Severity, SarifLevel>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/**
 * GitHub's `security-severity` score, inside the band GitHub uses for each label: above 9.0
 * critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low (0 shows no security severity).
 */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '7.5',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

/** Rule `name`: SARIF wants an identifier-like word, so `privileged-container` → `PrivilegedContainer`. */
function ruleName(id: string): string {
  const words = id.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const name = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return name === '' ? 'Control' : name;
}

/** Markdown special characters in text that comes from control metadata (possibly user policies). */
function markdownLiteral(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>&~]/g, (char) => `\\${char}`);
}

function helpText(control: ReportControl): { text: string; markdown: string } {
  const text = `${control.description}\n\nRemediation: ${control.remediation}`;
  const markdown = [
    markdownLiteral(control.description),
    '',
    '**Remediation**',
    '',
    markdownLiteral(control.remediation).replaceAll('\n', '  \n'),
    '',
    `[More about this control](${controlHelpUri(control.id)})`,
  ].join('\n');
  return { text, markdown };
}

/** One SARIF `reportingDescriptor` per control that ran. */
export function sarifRule(control: ReportControl): Record<string, unknown> {
  const tags = [...new Set(['security', 'kubernetes', ...control.frameworks])];
  const level = SARIF_LEVEL[control.severity];
  return {
    id: control.id,
    name: ruleName(control.id),
    shortDescription: { text: control.title },
    fullDescription: { text: control.description },
    help: helpText(control),
    helpUri: controlHelpUri(control.id),
    defaultConfiguration: { level },
    properties: {
      tags,
      precision: 'high',
      'problem.severity': level === 'note' ? 'recommendation' : level,
      'security-severity': SECURITY_SEVERITY[control.severity],
      'cubecape.severity': control.severity,
      'cubecape.aliases': control.aliases,
    },
  };
}
