// V8 settings for a short-lived command-line process, applied by the launcher before the CLI loads.
// Every cubecape command is a batch job that runs for seconds; a long-running command (a server,
// an agent) would want V8's defaults back for the heap setting below.
//
// Inlining. V8's optimising compiler (TurboFan) works on background threads. Its defaults suit
// browsers and long-running servers. A 10,000-resource scan on a 2-core machine asks it to compile
// about 340 functions, and with the default inlining limit (460 bytes of bytecode per inlined
// function) that took about 2.2-2.4 s of compiler-thread time, more than the scan's own wall
// time. The compiler threads competed with the scan for the second core, and the scan ran
// unoptimised code while it waited. With a limit of 60 bytes, small helpers are still inlined and
// the compiler work falls to about 1.3-1.5 s. Measured interleaved on the 2-core machines
// (docs/performance.md): 10k resources 2.50 -> 2.16 s, 50k 7.8 -> 7.0 s, 1k 0.74 -> 0.67 s.
//
// Heap growth. After each full (mark-compact) collection V8 lets the old generation grow by a
// factor it picks from its own speed, at most 4, before it collects again. A scan's heap only
// grows: parsed resources, findings and the report all live until the output is written, so a
// second full collection finds almost nothing to free and costs ~40 ms of pauses plus marking on
// the other core. A factor of 10 (growing percent 900) skips it. V8 still caps each limit at half
// way to the maximum heap size, so a memory limit set with --max-old-space-size holds. Measured
// interleaved (median of 12, 5 and 10 runs): 10k 1.73 -> 1.64 s (CPU of all threads 2.40 ->
// 2.26 s), 50k 5.56 -> 5.36 s (7.0 -> 6.7 s), 1k 0.37 -> 0.35 s. Peak RSS: 188 MB either way at
// 10k, 506 -> 521 MB at 50k, and within 5 MB on the real-manifest corpus, Helm charts and an OSV
// database import; cataloguing a 190 MB image for an SBOM keeps more garbage (168 -> 185-200 MB,
// 2.5-2.7 -> 2.3-2.4 s).
//
// Tier-up. V8 sends a function to TurboFan once it has run a budget of bytecode (66 KB by
// default). Twice that budget leaves the functions that are only warm to the baseline compiler,
// so fewer compile jobs compete with the scan for the second core: at 10k resources the main
// thread waited 84 -> 38 ms for a core, CPU of all threads fell 1.43 -> 1.33 s, and the wall time
// went 1.04 -> 1.01 s (median of 20 interleaved runs; 1.10 -> 1.08 s and 1.11 -> 1.08 s in two
// earlier series; 1k resources 0.30 -> 0.29 s). For a long-running process the difference is
// only how soon a hot function is optimised, a matter of milliseconds.
import { setFlagsFromString } from 'node:v8';

/** The V8 flags cubecape may set for itself, each with the options that mean the user chose. */
const TUNING = [
  {
    flag: '--max-inlined-bytecode-size=60',
    chosen: /^--(no-?)?(max-inlined-bytecode-size|turbo-inlining)\b/,
  },
  { flag: '--heap-growing-percent=900', chosen: /^--heap-growing-percent\b/ },
  { flag: '--interrupt-budget=135168', chosen: /^--interrupt-budget(=|$)/ },
];

/** The V8 flags cubecape sets for itself when the user chose none of their own. */
export const CLI_V8_FLAGS = TUNING.map(({ flag }) => flag);

/**
 * The flags to set, given the options node was started with: each one is left out when the user
 * chose a setting of their own for it (`node --max-inlined-bytecode-size=… bin/cubecape.js`).
 *
 * @param {readonly string[]} execArgv
 * @returns {string[]}
 */
export function v8FlagsFor(execArgv) {
  const given = execArgv.map((arg) => arg.replaceAll('_', '-'));
  return TUNING.filter(({ chosen }) => !given.some((arg) => chosen.test(arg))).map(
    ({ flag }) => flag,
  );
}

/** Applies {@link v8FlagsFor} to this process; call it before the CLI's modules run. */
export function tuneV8() {
  for (const flag of v8FlagsFor(process.execArgv)) setFlagsFromString(flag);
}
