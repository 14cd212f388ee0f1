import { Command, Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import pc from 'picocolors';
import { CubecapeError } from '../core/errors.js';
import { builtinControls } from '../controls/index.js';
import { frameworkControlIds } from '../frameworks/define.js';
import { builtinFrameworks } from '../frameworks/index.js';
import { colorEnabled, type CliIO } from './io.js';
import { severityLabel } from './severity-label.js';

function frameworksOf(controlId: string): string[] {
  return builtinFrameworks
    .filter((f) => frameworkControlIds(f).includes(controlId))
    .map((f) => f.id);
}

function listControls(format: 'table' | 'json', io: CliIO): string {
  if (format === 'json') {
    const rows = builtinControls.map((control) => ({
      id: control.id,
      title: control.title,
      severity: control.severity,
      frameworks: frameworksOf(control.id),
      aliases: control.aliases,
      ...(control.requires === undefined ? {} : { requires: control.requires }),
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  const colors = pc.createColors(colorEnabled(io, io.stdout));
  const width = Math.max(...builtinControls.map((control) => control.id.length));
  const lines = builtinControls.map((control) => {
    const requires =
      control.requires === undefined ? '' : colors.dim(` (requires: ${control.requires})`);
    return `${control.id.padEnd(width)}  ${severityLabel(control.severity, colors)}  ${control.title}${requires}`;
  });
  return `${lines.join('\n')}\n\n${builtinControls.length} controls. \`cubecape explain <id>\` describes one.\n`;
}

function listFrameworks(format: 'table' | 'json'): string {
  if (format === 'json') {
    const rows = builtinFrameworks.map((f) => ({
      id: f.id,
      name: f.name,
      version: f.version,
      controls: frameworkControlIds(f),
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
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
      new Option('-f, --format <format>', 'output format')
        .choices(['table', 'json'] as const)
        .default('table' as const),
    )
    .action((what, options) => {
      if (what === 'controls') io.stdout.write(listControls(options.format, io));
      else if (what === 'frameworks') io.stdout.write(listFrameworks(options.format));
      else throw new CubecapeError('USAGE', `expected "controls" or "frameworks", got "${what}"`);
    });
}
