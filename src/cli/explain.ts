import { Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import pc from 'picocolors';
import { closestMatches } from '../config/close-match.js';
import { CubecapeError } from '../core/errors.js';
import { builtinControls } from '../controls/index.js';
import type { Control } from '../controls/define.js';
import { aliasText, membershipsOf } from '../docs/control-docs.js';
import { builtinFrameworks } from '../frameworks/index.js';
import { colorEnabled, type CliIO } from './io.js';
import { severityLabel } from './severity-label.js';

function aliasesOf(control: Control): string[] {
  return Object.values(control.aliases).flatMap((ids: readonly string[] | undefined) => ids ?? []);
}

/** Finds a control by our id or by any alias (a Kubescape C-00xx id, a Checkov id, …). */
function findControl(id: string): Control | undefined {
  const wanted = id.trim().toLowerCase();
  return (
    builtinControls.find((control) => control.id === wanted) ??
    builtinControls.find((control) =>
      aliasesOf(control).some((alias) => alias.toLowerCase() === wanted),
    )
  );
}

/** Our ids and every alias close to a mistyped id, nearest first. */
export function suggestControls(id: string): string[] {
  const names = builtinControls.flatMap((control) => [control.id, ...aliasesOf(control)]);
  return closestMatches(id.trim(), [...new Set(names)], 3);
}

function indent(text: string): string[] {
  return text
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => `    ${line}`);
}

function explain(control: Control, colors: ReturnType<typeof pc.createColors>): string[] {
  const frameworks = membershipsOf(control.id, builtinFrameworks).map(
    ({ framework }) => framework.id,
  );
  const aliases = aliasText(control.aliases);
  const examples =
    control.examples === undefined
      ? []
      : [
          ...(control.examples.config === undefined
            ? []
            : ['', colors.bold('With --config:'), ...indent(control.examples.config)]),
          '',
          colors.bold('Fails:'),
          ...indent(control.examples.failing),
          '',
          colors.bold('Passes:'),
          ...indent(control.examples.passing),
        ];
  return [
    `${colors.bold(control.id)}  ${severityLabel(control.severity, colors)}`,
    control.title,
    '',
    control.description,
    '',
    `${colors.bold('Fix:')} ${control.remediation}`,
    ...examples,
    '',
    `${colors.dim('Applies to:')} ${control.match.kinds.join(', ')}`,
    `${colors.dim('Frameworks:')} ${frameworks.join(', ') || 'none'}`,
    ...(aliases === '' ? [] : [`${colors.dim('Also known as:')} ${aliases}`]),
    ...(control.requires === undefined ? [] : [`${colors.dim('Requires:')} ${control.requires}`]),
    `${colors.dim('Reference:')} docs/controls/${control.id}.md`,
  ];
}

export function explainCommand(io: CliIO): CommandUnknownOpts {
  return new Command('explain')
    .description('Explain a control: what it checks, why it matters and how to fix it')
    .argument('<control>', 'control id, or an equivalent id from Kubescape, Checkov, …')
    .action((id) => {
      const control = findControl(id);
      if (control === undefined) {
        const near = suggestControls(id);
        const hint = near.length === 0 ? '' : `; did you mean ${near.join(', ')}?`;
        throw new CubecapeError(
          'UNKNOWN_CONTROL',
          `unknown control "${id}"${hint} (\`cubecape list controls\` shows them all)`,
        );
      }
      const colors = pc.createColors(colorEnabled(io, io.stdout));
      io.stdout.write(`${explain(control, colors).join('\n')}\n`);
    });
}
