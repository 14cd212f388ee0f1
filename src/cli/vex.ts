import { Command, Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CubecapeError } from '../core/errors.js';
import { EXIT, type ExitCode } from '../engine/gate.js';
import type { ReportVulnerability } from '../report/scan-report.js';
import { createOpenVex, VEX_JUSTIFICATIONS, VEX_STATUSES } from '../vuln/vex/index.js';
import type { CliIO } from './io.js';
import { collectRepeat } from './options.js';
import { sbomStamp, writeOutput } from './sbom.js';

function readReport(file: string, io: CliIO): readonly ReportVulnerability[] {
  const path = resolve(io.cwd, file);
  if (!existsSync(path))
    throw new CubecapeError('PATH_NOT_FOUND', `expected a JSON report at ${file}`, { file });
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CubecapeError(
      'JSON_SYNTAX',
      `expected a JSON ScanReport: ${(error as Error).message}`,
      {
        file,
        cause: error,
      },
    );
  }
  const vulns = (doc as { kind?: unknown; vulnerabilities?: unknown } | null)?.vulnerabilities;
  if ((doc as { kind?: unknown } | null)?.kind !== 'ScanReport' || !Array.isArray(vulns))
    throw new CubecapeError(
      'REPORT_INVALID',
      'expected a ScanReport with a "vulnerabilities" array (from "cubecape vuln -f json")',
      { file },
    );
  return vulns as ReportVulnerability[];
}

function createCommand(io: CliIO, result: { code: ExitCode; reason?: string }): CommandUnknownOpts {
  return new Command('create')
    .description('Write an OpenVEX document accepting findings of a "cubecape vuln -f json" report')
    .requiredOption('--report <file>', 'JSON report from "cubecape vuln -f json"')
    .requiredOption('--vuln <id>', 'vulnerability id or alias to cover (repeatable)', collectRepeat)
    .addOption(
      new Option('--status <status>', 'OpenVEX status')
        .choices(VEX_STATUSES)
        .default('not_affected' as const),
    )
    .addOption(
      new Option('--justification <justification>', 'why not affected').choices(VEX_JUSTIFICATIONS),
    )
    .option('--impact-statement <text>', 'free-text explanation of the status')
    .option('--action-statement <text>', 'what users should do (for status affected)')
    .option('--product <id>', 'product the packages belong to (image reference or purl)')
    .option('--author <name>', 'author of the statements', 'cubecape')
    .option(
      '--timestamp <time>',
      'statement time (ISO 8601 or Unix seconds; default SOURCE_DATE_EPOCH or now)',
    )
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action((options) => {
      if (
        options.status === 'not_affected' &&
        options.justification === undefined &&
        options.impactStatement === undefined
      )
        throw new CubecapeError(
          'USAGE',
          'status not_affected needs --justification or --impact-statement (OpenVEX requires one)',
        );
      const findings = readReport(options.report, io);
      const { document, unmatched } = createOpenVex(findings, {
        vulnerabilities: options.vuln,
        status: options.status,
        ...(options.justification === undefined ? {} : { justification: options.justification }),
        ...(options.impactStatement === undefined
          ? {}
          : { impactStatement: options.impactStatement }),
        ...(options.actionStatement === undefined
          ? {}
          : { actionStatement: options.actionStatement }),
        ...(options.product === undefined ? {} : { product: options.product }),
        author: options.author,
        timestamp: sbomStamp(options.timestamp, io).timestamp,
      });
      writeOutput(`${JSON.stringify(document, null, 2)}\n`, options.output, io);
      if (unmatched.length > 0) {
        result.code = EXIT.USAGE;
        result.reason = `no finding in ${options.report} has id or alias ${unmatched.join(', ')}`;
      }
    });
}

/** `cubecape vex create`: OpenVEX documents from accepted vulnerability findings. */
export function vexCommand(
  io: CliIO,
  result: { code: ExitCode; reason?: string },
): CommandUnknownOpts {
  const vex = new Command('vex').description(
    'Write OpenVEX documents (see docs/vulnerabilities.md)',
  );
  const output = {
    writeOut: (text: string) => io.stdout.write(text),
    writeErr: (text: string) => io.stderr.write(text),
  };
  vex.addCommand(createCommand(io, result));
  for (const command of vex.commands) command.exitOverride().configureOutput(output);
  return vex;
}
