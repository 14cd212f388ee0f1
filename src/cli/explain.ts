import { Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import pc from 'picocolors';
import { CubecapeError } from '../core/errors.js';
import { builtinControls } from '../controls/index.js';
import { frameworkControlIds } from '../frameworks/define.js';
import { builtinFrameworks } from '../frameworks/index.js';
import { colorEnabled, type CliIO } from './io.js';
import { severityLabel } from './severity-label.js';

/** Finds a control by our id or by any alias (a Kubescape C-00xx id, a Checkov id, …). */
function findControl(id: string): (typeof builtinControls)[number] | undefined {
  const wanted = id.toLowerCase();
  return builtinControls.find(
    (control) =>
      control.id === wanted ||
      Object.values(control.aliases).some((ids: readonly string[] | undefined) =>
        ids?.some((alias) => alias.toLowerCase() === wanted),
      ),
  );
}

export function explainCommand(io: CliIO): CommandUnknownOpts {
  return new Command('explain')
    .description('Explain a control: what it checks, why it matters and how to fix it')
    .argument('<control>', 'control id, or an equivalent id from Kubescape, Checkov, …')
    .action((id) => {
      const control = findControl(id);
      if (control === undefined) {
        throw new CubecapeError(
          'UNKNOWN_CONTROL',
          `unknown control "${id}"; \`cubecape list controls\` shows them all`,
        );
      }
      const colors = pc.createColors(colorEnabled(io, io.stdout));
      const frameworks = builtinFrameworks
        .filter((f) => frameworkControlIds(f).includes(control.id))
        .map((f) => f.id);
      const aliases = Object.entries(control.aliases)
        .map(
          ([tool, ids]: [string, readonly string[] | undefined]) =>
            `${tool}: ${(ids ?? []).join(', ')}`,
        )
        .join('; ');
      const lines = [
        `${colors.bold(control.id)}  ${severityLabel(control.severity, colors)}`,
        control.title,
        '',
        control.description,
        '',
        `${colors.bold('Fix:')} ${control.remediation}`,
        '',
        `${colors.dim('Applies to:')} ${control.match.kinds.join(', ')}`,
        `${colors.dim('Frameworks:')} ${frameworks.join(', ') || 'none'}`,
        ...(aliases === '' ? [] : [`${colors.dim('Also known as:')} ${aliases}`]),
        ...(control.requires === undefined
          ? []
          : [`${colors.dim('Requires:')} ${control.requires}`]),
      ];
      io.stdout.write(`${lines.join('\n')}\n`);
    });
}
