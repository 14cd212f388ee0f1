import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The last non-empty line of stderr: the promised "why" of the exit code. */
  readonly lastStderrLine: string;
}

class Capture extends Writable {
  text = '';
  isTTY: boolean;
  constructor(isTTY: boolean) {
    super();
    this.isTTY = isTTY;
  }
  override _write(chunk: Buffer | string, _encoding: string, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

/** Runs the CLI in-process with captured streams. */
export async function runCli(
  argv: readonly string[],
  options: { stdin?: string; env?: Record<string, string>; tty?: boolean; cwd?: string } = {},
): Promise<CliRun> {
  const stdout = new Capture(options.tty ?? false);
  const stderr = new Capture(false);
  const io: CliIO = {
    stdout,
    stderr,
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await main(argv, io);
  const lines = stderr.text.split('\n').filter((line) => line.trim() !== '');
  return { code, stdout: stdout.text, stderr: stderr.text, lastStderrLine: lines.at(-1) ?? '' };
}
