import { Command, Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { isCubecapeError, locationPrefix } from '../core/errors.js';
import { EXIT, type ExitCode } from '../engine/gate.js';
import { discoverFiles } from '../ingest/discover.js';
import {
  fileReader,
  formatTestJson,
  formatTestText,
  isTestFileName,
  runTestFile,
  summarize,
  validatePolicyFile,
  type PolicyFileProblem,
  type TestRun,
} from '../policy/testing/index.js';
import type { CliIO } from './io.js';

const FORMATS = ['text', 'json'] as const;

type Result = { code: ExitCode; reason?: string };

/** Test files under the arguments: files named explicitly, test file names inside directories. */
async function findTestFiles(paths: readonly string[]) {
  const discovery = await discoverFiles(paths);
  const named = new Set(paths);
  const files = discovery.files
    .filter((file) => file.kind !== 'stdin')
    .map((file) => file.path)
    .filter((path) => named.has(path) || isTestFileName(path));
  const problems = discovery.issues.filter((issue) => issue.severity === 'error');
  return { files, problems };
}

/** Exit code and reason of a test run, by DESIGN.md's rules: the highest applicable code wins. */
function verdictOf(runs: readonly TestRun[], unreadable: number, allowIncomplete: boolean): Result {
  const summary = summarize(runs);
  const disagree =
    summary.failed > 0
      ? `${summary.failed} of ${summary.results - summary.notChecked} expected results disagree`
      : undefined;
  const incomplete: string[] = [];
  if (summary.errors + unreadable > 0)
    incomplete.push(`${summary.errors + unreadable} test files could not be read`);
  if (runs.length === 0) incomplete.push('no test files found');
  if (summary.notChecked > 0 && !allowIncomplete)
    incomplete.push(
      `${summary.notChecked} expected results were not checked (unsupported policies; --allow-incomplete to accept)`,
    );
  if (incomplete.length > 0)
    return {
      code: EXIT.INCOMPLETE,
      reason: [...incomplete, ...(disagree === undefined ? [] : [disagree])].join('; '),
    };
  if (disagree !== undefined) return { code: EXIT.GATE_FAILED, reason: disagree };
  return { code: EXIT.OK };
}

function testCommand(io: CliIO, result: Result): CommandUnknownOpts {
  return new Command('test')
    .description(
      'Run policy tests (Kyverno cli.kyverno.io Test files, cubecape.io PolicyTest files) and ' +
        'compare every expected result with cubecape’s verdict',
    )
    .argument(
      '<paths...>',
      'test files, or directories searched for kyverno-test.yaml and cubecape-test.yaml',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'),
    )
    .option('-v, --verbose', 'also list agreeing results and tests not checked', false)
    .option(
      '--allow-incomplete',
      'exit 0/1 even when some tests use features cubecape does not evaluate',
      false,
    )
    .action(async (paths, options) => {
      const { files, problems } = await findTestFiles(paths);
      for (const problem of problems)
        io.stderr.write(`${locationPrefix(problem)}error: ${problem.message} [${problem.code}]\n`);
      const read = fileReader();
      const runs: TestRun[] = [];
      for (const file of files) runs.push(...(await runTestFile(file, read)));
      const summary = summarize(runs);
      io.stdout.write(
        options.format === 'json'
          ? formatTestJson(runs, summary)
          : formatTestText(runs, summary, { verbose: options.verbose }),
      );
      Object.assign(result, verdictOf(runs, problems.length, options.allowIncomplete));
    });
}

function problemText(problem: PolicyFileProblem): string {
  return `${locationPrefix(problem)}${problem.severity}: ${problem.policy}: ${problem.message}\n`;
}

/**
 * Checks every policy document under the paths and reports all problems at once. Exit 1 when
 * any policy has an error (like a linter's findings), 3 when a file cannot be read or no policy
 * is found, 0 otherwise (warnings do not fail).
 */
async function validateAction(
  paths: readonly string[],
  format: 'text' | 'json',
  io: CliIO,
): Promise<Result> {
  const discovery = await discoverFiles(paths);
  const read = fileReader();
  const problems: PolicyFileProblem[] = [];
  const unreadable: PolicyFileProblem[] = discovery.issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => ({ ...issue, severity: 'error', policy: issue.code, file: issue.file ?? '-' }));
  let policies = 0;
  for (const { path } of discovery.files.filter((file) => file.kind !== 'stdin')) {
    try {
      const checked = validatePolicyFile(await read(path));
      problems.push(...checked.problems);
      policies += checked.policies;
    } catch (error) {
      if (!isCubecapeError(error)) throw error;
      const { file, line, column } = error;
      unreadable.push({
        file: file ?? path,
        line,
        column,
        severity: 'error',
        policy: error.code,
        message: error.message,
      });
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const summary = {
    policies,
    errors,
    warnings: problems.length - errors,
    unreadable: unreadable.length,
  };
  if (format === 'json')
    io.stdout.write(
      `${JSON.stringify({ summary, problems: [...unreadable, ...problems] }, null, 2)}\n`,
    );
  else {
    for (const problem of [...unreadable, ...problems]) io.stdout.write(problemText(problem));
    io.stdout.write(`${policies} policies, ${errors} errors, ${summary.warnings} warnings\n`);
  }
  if (unreadable.length > 0)
    return { code: EXIT.INCOMPLETE, reason: `${unreadable.length} policy files could not be read` };
  if (policies === 0)
    return { code: EXIT.INCOMPLETE, reason: `no policies found in ${paths.join(', ')}` };
  if (errors > 0) return { code: EXIT.GATE_FAILED, reason: `${errors} errors in policies` };
  return { code: EXIT.OK };
}

function validateCommand(io: CliIO, result: Result): CommandUnknownOpts {
  return new Command('validate')
    .description(
      'Check Kyverno policies and ValidatingAdmissionPolicies and report every problem with its location',
    )
    .argument('<paths...>', 'policy files or directories')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'),
    )
    .action(async (paths, options) => {
      Object.assign(result, await validateAction(paths, options.format, io));
    });
}

/** `cubecape policy test|validate`: test and check user policies offline. */
export function policyCommand(io: CliIO, result: Result): CommandUnknownOpts {
  const policy = new Command('policy').description('Test and validate Kyverno and CEL policies');
  const output = {
    writeOut: (text: string) => io.stdout.write(text),
    writeErr: (text: string) => io.stderr.write(text),
  };
  policy.addCommand(testCommand(io, result));
  policy.addCommand(validateCommand(io, result));
  // main.ts configures only the top-level commands; nested ones need the same treatment.
  for (const command of policy.commands) command.exitOverride().configureOutput(output);
  return policy;
}
