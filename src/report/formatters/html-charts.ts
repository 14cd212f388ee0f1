/**
 * Hand-written inline SVG charts for the HTML report: no library, no external resource, readable
 * by screen readers (`role="img"` with a title and a description that states every number) and
 * legible when printed in black and white (every bar carries its number as text).
 */
import { SEVERITIES, type Severity } from '../../core/severity.js';
import type { ReportFramework, ScanReport } from '../scan-report.js';
import { cutText, htmlText } from './html-escape.js';

/** Fill of each severity; the same hues as the badges in the stylesheet. */
export const SEVERITY_COLORS: Readonly<Record<Severity, string>> = {
  critical: '#7b1fa2',
  high: '#c62828',
  medium: '#e65100',
  low: '#1565c0',
  info: '#546e7a',
};

const WIDTH = 480;
const LABEL_WIDTH = 84;
const VALUE_WIDTH = 56;
const BAR_HEIGHT = 20;
const ROW_HEIGHT = 32;
const NAME_CHARS = 56;

/** `1 failed finding`, `2 failed findings`. */
function findingsText(count: number): string {
  return `${count} failed finding${count === 1 ? '' : 's'}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The `<svg>` element around a chart, labelled by its title and description. */
function svg(id: string, height: number, title: string, desc: string, body: string): string {
  return [
    `<svg class="chart" id="${id}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}"`,
    ` role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${title}</title><desc id="${id}-desc">${desc}</desc>`,
    body,
    '</svg>',
  ].join('');
}

/** Horizontal bars of failed findings per severity, scaled to the largest count. */
export function severityChart(report: ScanReport): string {
  const counts = SEVERITIES.map((severity) => report.summary.bySeverity[severity]);
  const max = Math.max(1, ...counts);
  const room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const rows = SEVERITIES.map((severity, index) => {
    const count = counts[index] ?? 0;
    const y = index * ROW_HEIGHT + 6;
    const width = count === 0 ? 0 : Math.max(3, Math.round((count / max) * room));
    const label = capitalised(severity);
    return [
      `<g class="bar"><title>${label}: ${findingsText(count)}</title>`,
      `<text x="0" y="${y + 15}" class="chart-label">${label}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${room}" height="${BAR_HEIGHT}" rx="3" fill="#eef1f4"/>`,
      width > 0
        ? `<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}" rx="3" fill="${SEVERITY_COLORS[severity]}"/>`
        : '',
      `<text x="${LABEL_WIDTH + room + 8}" y="${y + 15}" class="chart-value">${count}</text></g>`,
    ].join('');
  });
  const desc = SEVERITIES.map((severity, index) => `${severity} ${counts[index] ?? 0}`).join(', ');
  return svg(
    'cc-chart-severity',
    SEVERITIES.length * ROW_HEIGHT + 8,
    'Failed findings by severity',
    `Failed findings: ${desc}.`,
    rows.join(''),
  );
}

/** Green from 90, amber from 70, red below: the thresholds of the terminal report. */
function scoreColor(score: number): string {
  if (score >= 90) return '#2e7d32';
  return score >= 70 ? '#f9a825' : '#c62828';
}

function scoreLabel(score: number | undefined): string {
  return score === undefined ? 'n/a' : `${score.toFixed(1)}%`;
}

interface ScoreRow {
  readonly name: string;
  readonly score: number | undefined;
}

function scoreRow(row: ScoreRow, index: number): string {
  const y = index * 44;
  const room = WIDTH - VALUE_WIDTH;
  const name = cutText(row.name, NAME_CHARS);
  const shown = htmlText(name.text) + (name.cut ? '…' : '');
  const score = row.score;
  const fill =
    score === undefined
      ? ''
      : `<rect x="0" y="${y + 20}" width="${Math.round((Math.min(100, Math.max(0, score)) / 100) * room)}" height="14" rx="3" fill="${scoreColor(score)}"/>`;
  return [
    `<g class="bar"><title>${htmlText(row.name)}: ${scoreLabel(score)}</title>`,
    `<text x="0" y="${y + 14}" class="chart-label">${shown}</text>`,
    `<rect x="0" y="${y + 20}" width="${room}" height="14" rx="3" fill="#eef1f4"/>`,
    fill,
    `<text x="${room + 8}" y="${y + 32}" class="chart-value">${scoreLabel(score)}</text></g>`,
  ].join('');
}

/** One bar per framework and one for the overall score, 0–100; `n/a` when nothing was judged. */
export function scoreChart(report: ScanReport): string {
  const rows: ScoreRow[] = [
    ...report.frameworks.map((framework: ReportFramework) => ({
      name: framework.name === '' ? framework.id : framework.name,
      score: framework.score,
    })),
    { name: 'Overall', score: report.summary.score },
  ];
  const desc = rows.map((row) => `${htmlText(row.name)} ${scoreLabel(row.score)}`).join(', ');
  return svg(
    'cc-chart-scores',
    rows.length * 44,
    'Compliance score by framework',
    `Scores: ${desc}.`,
    rows.map(scoreRow).join(''),
  );
}
