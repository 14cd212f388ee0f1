// V8 settings for a short-lived command-line process, applied by the launcher before the CLI loads.
//
// V8's optimising compiler (TurboFan) works on background threads. Its defaults suit browsers and
// long-running servers. A 10,000-resource scan on a 2-core machine asks it to compile about 340
// functions, and with the default inlining limit (460 bytes of bytecode per inlined function)
// that took about 2.2-2.4 s of compiler-thread time, more than the scan's own wall time. The
// compiler threads competed with the scan for the second core, and the scan ran unoptimised code
// while it waited. With a limit of 60 bytes, small helpers are still inlined and the compiler
// work falls to about 1.3-1.5 s. Measured interleaved on the 2-core machines (docs/performance.md):
// 10k resources 2.50 -> 2.16 s, 50k 7.8 -> 7.0 s, 1k 0.74 -> 0.67 s.
import { setFlagsFromString } from 'node:v8';

/** The V8 flags cubecape sets for itself. */
export const CLI_V8_FLAGS = ['--max-inlined-bytecode-size=60'];

/**
 * The flags to set, given the options node was started with: none when the user chose an
 * inlining setting of their own (`node --max-inlined-bytecode-size=… bin/cubecape.js`).
 *
 * @param {readonly string[]} execArgv
 * @returns {string[]}
 */
export function v8FlagsFor(execArgv) {
  const chosen = execArgv.some((arg) =>
    /^--(no-?)?(max-inlined-bytecode-size|turbo-inlining)\b/.test(arg.replaceAll('_', '-')),
  );
  return chosen ? [] : CLI_V8_FLAGS;
}

/** Applies {@link v8FlagsFor} to this process; call it before the CLI's modules run. */
export function tuneV8() {
  for (const flag of v8FlagsFor(process.execArgv)) setFlagsFromString(flag);
}
