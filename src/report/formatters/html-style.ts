import { SEVERITIES } from '../../core/severity.js';
import { SEVERITY_COLORS } from './html-charts.js';

const severityRules = SEVERITIES.map(
  (severity) => `.badge-${severity}{background:${SEVERITY_COLORS[severity]};color:#fff}
tr.sev-${severity} td:first-child{box-shadow:inset 4px 0 0 ${SEVERITY_COLORS[severity]}}`,
).join('\n');

/**
 * The report's stylesheet, inlined in a `<style>` element whose hash the Content-Security-Policy
 * allows. No `style` attributes anywhere: the policy would block them. System fonts only, so
 * nothing is fetched. `@media print` expands every remediation, shows every row whatever the
 * filters, and hides the interactive controls: printed reports go to auditors.
 */
export const STYLE = `
:root{--fg:#1f2933;--muted:#5f6b7a;--line:#d9dee4;--soft:#f5f7f9;--accent:#0b5cad;
--ok:#2e7d32;--warn:#8a5a00;--bad:#b71c1c;color-scheme:light}
*{box-sizing:border-box}
html{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff}
body{margin:0}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.86em}
h1,h2,h3{line-height:1.25;margin:0}
h2{font-size:1.25rem;margin:0 0 .75rem}
a{color:var(--accent)}
.wrap{max-width:1280px;margin:0 auto;padding:0 24px}
.page-header{background:#13202f;color:#e8edf2;padding:20px 0 24px}
.brand{display:flex;align-items:baseline;gap:12px;flex-wrap:wrap}
.brand h1{font-size:1.4rem;letter-spacing:.02em}
.brand span{color:#a9b6c4}
.verdict{margin:16px 0 0;padding:12px 16px;border-radius:6px;font-weight:600;border-left:6px solid}
.verdict-fail{background:#fdecea;color:var(--bad);border-color:var(--bad)}
.verdict-warn{background:#fff6e0;color:var(--warn);border-color:#f9a825}
.verdict-pass{background:#e8f5e9;color:var(--ok);border-color:var(--ok)}
.meta{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px 24px;margin:18px 0 0}
.meta div{min-width:0}
.meta dt{font-size:.75rem;text-transform:uppercase;letter-spacing:.06em;color:#a9b6c4}
.meta dd{margin:2px 0 0;overflow-wrap:anywhere}
.meta ul{list-style:none;margin:0;padding:0}
.input-type{display:inline-block;font-size:.72rem;padding:0 6px;border-radius:3px;background:#2c3e50;margin-right:6px}
main section{margin:28px 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px}
.card{border:1px solid var(--line);border-radius:8px;padding:16px;margin:0;background:#fff}
.card h3{font-size:1rem;margin-bottom:10px}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:12px;margin-bottom:16px}
.stat{border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:var(--soft)}
.stat b{display:block;font-size:1.5rem;line-height:1.2}
.stat span{color:var(--muted);font-size:.85rem}
.stat-bad b{color:var(--bad)}
.chart{width:100%;height:auto;display:block}
.chart-label{font-size:13px;fill:#1f2933}
.chart-value{font-size:13px;font-weight:600;fill:#1f2933}
.filters{display:flex;flex-wrap:wrap;gap:10px 18px;align-items:center;padding:12px 14px;border:1px solid var(--line);
border-radius:8px;background:var(--soft);margin-bottom:12px}
.filters[hidden]{display:none}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:center}
.filters legend{float:left;font-weight:600;margin-right:6px;font-size:.85rem}
.filters label{font-size:.88rem;white-space:nowrap}
.filters input[type=search]{min-width:260px;padding:5px 8px;border:1px solid #b8c2cc;border-radius:4px;font:inherit}
.filters select{padding:4px 6px;border:1px solid #b8c2cc;border-radius:4px;font:inherit;max-width:260px}
.filters .actions{margin-left:auto;display:flex;gap:6px}
.filters button{font:inherit;font-size:.85rem;padding:4px 10px;border:1px solid #b8c2cc;border-radius:4px;background:#fff;cursor:pointer}
.count{font-weight:400;color:var(--muted);font-size:.95rem;margin-left:8px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:8px 10px;border-bottom:1px solid var(--line)}
thead th{position:sticky;top:0;background:#eef1f4;font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:#3e4c5b;z-index:1}
tbody tr:nth-child(even){background:#fafbfc}
td{overflow-wrap:anywhere}
.findings{table-layout:fixed}
.findings .c-sev{width:120px}
.findings .c-control{width:20%}
.findings .c-resource{width:16%}
.findings .c-loc{width:20%}
.badge{display:inline-block;font-size:.72rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;padding:1px 7px;border-radius:3px;margin:0 4px 2px 0}
${severityRules}
.badge-status{background:#e3e8ee;color:#33404d}
.badge-new{background:#fff3cd;color:#6b4f00;border:1px solid #e0c060}
.st-failed .badge-status{display:none}
.muted,.path{color:var(--muted);font-size:.85rem}
.kind{font-weight:600}
.message{margin:0}
.evidence{margin:6px 0 0;padding:6px 8px;background:var(--soft);border:1px solid var(--line);border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere;max-height:16em;overflow:auto}
.evidence-label{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin-top:6px}
.cut{color:var(--muted);font-style:italic}
details{margin-top:6px}
summary{cursor:pointer;color:var(--accent);font-size:.88rem}
.remediation{margin:4px 0 0;padding:6px 10px;border-left:3px solid var(--accent);background:#f3f8fd;white-space:pre-wrap}
.exception{margin:6px 0 0;padding:6px 10px;border-left:3px solid #8e99a4;background:var(--soft);font-size:.9rem}
.empty{padding:16px;color:var(--muted);font-style:italic}
.empty[hidden]{display:none}
.ok{color:var(--ok)}
.score-bad{color:var(--bad)}.score-warn{color:var(--warn)}.score-ok{color:var(--ok)}
.page-header .score-bad{color:#ff8a80}.page-header .score-warn{color:#ffd54f}.page-header .score-ok{color:#81c784}
.page-header .muted{color:#a9b6c4}
.toc{display:flex;flex-wrap:wrap;gap:6px 18px;margin:16px 0 0;font-size:.9rem}
.toc a{color:#cfe3f7;text-decoration:none;border-bottom:1px dotted #6f8aa5}
.toc a:hover{color:#fff}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.85rem;padding:16px 0 32px;margin-top:32px}
tr.finding[hidden]{display:none}
@media print{
html{font-size:11px}
.page-header{background:#fff;color:#000;padding:0 0 8px;border-bottom:2px solid #000}
.brand span,.meta dt{color:#444}
.page-header .score-bad{color:var(--bad)}.page-header .score-warn{color:var(--warn)}.page-header .score-ok{color:var(--ok)}
.input-type{background:#e3e8ee;color:#000}
.filters,.no-print{display:none!important}
summary{color:#000;font-weight:600;list-style:none;cursor:auto}
summary::-webkit-details-marker{display:none}
tr.finding[hidden]{display:table-row}
.empty{display:none}
details::details-content{content-visibility:visible;display:contents}
.evidence{max-height:none;overflow:visible}
thead th{position:static}
tr{break-inside:avoid}
section{break-inside:auto}
.card,.stat{break-inside:avoid}
a{color:inherit;text-decoration:none}
}
`;
