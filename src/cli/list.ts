import { Command, Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import pc from 'picocolors';
import { CubecapeError } from '../core/errors.js';
import { builtinControls } from '../controls/index.js';
import { membershipsOf, tableCell } from '../docs/control-docs.js';
import { frameworkControlIds } from '../frameworks/define.js';
import { builtinFrameworks } from '../frameworks/index.js';
import { colorEnabled, type CliIO } from './io.js';
import { severityLabel } from './severity-label.js';

const FORMATS = ['table', 'json', 'markdown'] as const;
type ListFormat = (typeof FORMATS)[number];

function frameworksOf(controlId: string): string[] {
  return membershipsOf(controlId, builtinFrameworks).map(({ framework }) => framework.id);
}

/** One JSON row per control; `aliases.kubescape` is how users map Kubescape ids onto ours. */
function controlsJson(): string {
  const rows = builtinControls.map((control) => ({
    id: control.id,
    title: control.title,
    severity: control.severity,
    kinds: control.match.kinds,
    frameworks: frameworksOf(control.id),
    aliases: control.aliases,
    ...(control.requires === undefined ? {} : { requires: control.requires }),
    hasExamples: control.examples !== undefined,
    docs: `docs/controls/${control.id}.md`,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** A Markdown table for docs: ids link to the generated pages under docs/controls/. */
function controlsMarkdown(): string {
  const rows = builtinControls.map((control) => {
    const kubescape = control.aliases.kubescape?.join(', ') ?? '';
    const cells = [
      `[\`${control.id}\`](controls/${control.id}.md)`,
      control.severity,
      tableCell(control.title),
      frameworksOf(control.id).join(', '),
      kubescape,
      control.requires ?? '',
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    '| Control | Severity | Title | Frameworks | Kubescape | Requires |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

function listControls(format: ListFormat, io: CliIO): string {
  if (format === 'json') return controlsJson();
  if (format === 'markdown') return controlsMarkdown();
  const colors = pc.createColors(colorEnabled(io, io.stdout));
  const width = Math.max(...builtinControls.map((control) => control.id.length));
  const lines = builtinControls.map((control) => {
    const requires =
      control.requires === undefined ? '' : colors.dim(` (requires: ${control.requires})`);
    return `${control.id.padEnd(width)}  ${severityLabel(control.severity, colors)}  ${control.title}${requires}`;
  });
  return `${lines.join('\n')}\n\n${builtinControls.length} controls. \`cubecape explain <id>\` describes one.\n`;
}

function listFrameworks(format: ListFormat): string {
  if (format === 'json') {
    const rows = builtinFrameworks.map((f) => ({
      id: f.id,
      name: f.name,
      version: f.version,
      controls: frameworkControlIds(f),
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  if (format === 'markdown') {
    const rows = builtinFrameworks.map(
      (f) =>
        `| \`${f.id}\` | ${tableCell(f.name)} | ${tableCell(f.version)} | ${frameworkControlIds(f).length} |`,
    );
    return [
      '| Framework | Name | Version | Controls |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n');
  }
  const width = Math.max(...builtinFrameworks.map((f) => f.id.length));
  const lines = builtinFrameworks.map(
    (f) =>
      `${f.id.padEnd(width)}  ${f.name} ${f.version} (${frameworkControlIds(f).length} controls)`,
  );
  return `${lines.join('\n')}\n`;
}

export function listCommand(io: CliIO): CommandUnknownOpts {
  return new Command('list')
    .description('List built-in controls or frameworks')
    .argument('<what>', 'controls | frameworks')
    .addOption(
      new Option('-f, --format <format>', 'output format (markdown: a table for docs)')
        .choices(FORMATS)
        .default('table'),
    )
    .action((what, options) => {
      if (what === 'controls') io.stdout.write(listControls(options.format, io));
      else if (what === 'frameworks') io.stdout.write(listFrameworks(options.format));
      else throw new CubecapeError('USAGE', `expected "controls" or "frameworks", got "${what}"`);
    });
}
