import { Command, CommanderError } from '@commander-js/extra-typings';
import { describeError, ERROR_CODES, isCubecapeError } from '../core/errors.js';
import { TOOL_VERSION } from '../core/version.js';
import { EXIT, type ExitCode } from '../engine/gate.js';
import { dbCommand } from './db.js';
import { sbomCommand } from './sbom.js';
import { vexCommand } from './vex.js';
import { vulnCommand } from './vuln.js';
import { diffCommand } from './diff.js';
import { explainCommand } from './explain.js';
import { fixCommand } from './fix.js';
import { processIO, type CliIO } from './io.js';
import { listCommand } from './list.js';
import { policyCommand } from './policy.js';
import { renderCommand } from './render.js';
import { scanAction, scanCommand } from './scan.js';
import { snapshotCommand } from './snapshot.js';
import { vapCommand } from './vap.js';

/** Builds the program; each action stores its exit code in `result`. */
function program(io: CliIO, result: { code: ExitCode; reason?: string }): Command {
  const output = {
    writeOut: (text: string) => io.stdout.write(text),
    writeErr: (text: string) => io.stderr.write(text),
  };
  const root = new Command('cubecape')
    .description('Kubernetes security and compliance scanner')
    .version(TOOL_VERSION, '-V, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput(output);
  const scan = scanCommand().action(async (paths, options) => {
    const verdict = await scanAction(paths, options, io);
    result.code = verdict.code;
    result.reason = verdict.reasons.join('; ');
  });
  root.addCommand(scan);
  root.addCommand(listCommand(io));
  root.addCommand(explainCommand(io));
  root.addCommand(fixCommand(io, result));
  root.addCommand(diffCommand(io, result));
  root.addCommand(renderCommand(io, result));
  root.addCommand(dbCommand(io, result));
  root.addCommand(sbomCommand(io, result));
  root.addCommand(vulnCommand(io, result));
  root.addCommand(vexCommand(io, result));
  root.addCommand(snapshotCommand(io, result));
  root.addCommand(policyCommand(io, result));
  root.addCommand(vapCommand(io));
  // Subcommands do not inherit these from the root when added with addCommand.
  for (const command of root.commands) command.exitOverride().configureOutput(output);
  return root;
}

function usageCodeFor(code: string): ExitCode {
  const kind = (ERROR_CODES as Record<string, string>)[code];
  return kind === 'input' ? EXIT.INCOMPLETE : EXIT.USAGE;
}

/** Runs cubecape with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const result: { code: ExitCode; reason?: string } = { code: EXIT.OK };
  try {
    await program(io, result).parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other parse problem is a usage error.
      if (error.exitCode === 0) return EXIT.OK;
      io.stderr.write(`cubecape: exit 2: usage error (see --help)\n`);
      return EXIT.USAGE;
    }
    if (isCubecapeError(error)) {
      const code = usageCodeFor(error.code);
      io.stderr.write(`cubecape: exit ${code}: ${error.located} [${error.code}]\n`);
      return code;
    }
    io.stderr.write(`cubecape: exit 2: internal error: ${describeError(error)}\n`);
    if (
      error instanceof Error &&
      error.stack !== undefined &&
      io.env['CUBECAPE_DEBUG'] !== undefined
    )
      io.stderr.write(`${error.stack}\n`);
    return EXIT.USAGE;
  }
  if (result.reason !== undefined)
    io.stderr.write(`cubecape: exit ${result.code}: ${result.reason}\n`);
  return result.code;
}
