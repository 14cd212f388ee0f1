import { Command, CommanderError, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { describeError, ERROR_CODES, isCubecapeError } from '../core/errors.js';
import { TOOL_VERSION } from '../core/version.js';
import { EXIT, type ExitCode } from '../engine/gate.js';
import { processIO, type CliIO } from './io.js';

type Result = { code: ExitCode; reason?: string };
type CommandFactory = (io: CliIO, result: Result) => Command | CommandUnknownOpts;

/**
 * Each command's module, loaded on demand: a run loads only the command it names (and what that
 * command imports), not the code of every other command. In the order `--help` lists them.
 */
const COMMANDS: Readonly<Record<string, () => Promise<CommandFactory>>> = {
  scan: async () => {
    const { scanAction, scanCommand } = await import('./scan.js');
    return (io, result) =>
      scanCommand().action(async (paths, options) => {
        const verdict = await scanAction(paths, options, io);
        result.code = verdict.code;
        result.reason = verdict.reasons.join('; ');
      });
  },
  list: async () => (await import('./list.js')).listCommand,
  explain: async () => (await import('./explain.js')).explainCommand,
  fix: async () => (await import('./fix.js')).fixCommand,
  diff: async () => (await import('./diff.js')).diffCommand,
  render: async () => (await import('./render.js')).renderCommand,
  db: async () => (await import('./db.js')).dbCommand,
  sbom: async () => (await import('./sbom.js')).sbomCommand,
  vuln: async () => (await import('./vuln.js')).vulnCommand,
  vex: async () => (await import('./vex.js')).vexCommand,
  snapshot: async () => (await import('./snapshot.js')).snapshotCommand,
  policy: async () => (await import('./policy.js')).policyCommand,
  vap: async () => (await import('./vap.js')).vapCommand,
};

/** The commands a run needs: the one `argv` names, or all of them (help, typos). */
function commandsFor(argv: readonly string[]): string[] {
  const named = argv.find((arg) => !arg.startsWith('-'));
  if (named !== undefined && Object.hasOwn(COMMANDS, named)) return [named];
  // `cubecape --version` needs no command at all.
  if (named === undefined && (argv.includes('-V') || argv.includes('--version'))) return [];
  return Object.keys(COMMANDS);
}

/** Builds the program; each action stores its exit code in `result`. */
async function program(io: CliIO, result: Result, argv: readonly string[]): Promise<Command> {
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
  const loaders = commandsFor(argv).flatMap((name) => COMMANDS[name] ?? []);
  const factories = await Promise.all(loaders.map((load) => load()));
  for (const factory of factories) root.addCommand(factory(io, result));
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
  const result: Result = { code: EXIT.OK };
  try {
    await (await program(io, result, argv)).parseAsync([...argv], { from: 'user' });
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
