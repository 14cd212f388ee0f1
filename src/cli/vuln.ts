import { Command, Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { CubecapeError } from '../core/errors.js';
import { severityRank, type Severity } from '../core/severity.js';
import { TOOL_VERSION } from '../core/version.js';
import { EXIT, type ExitCode } from '../engine/gate.js';
import { json } from '../report/formatters/json.js';
import { vulnSarif } from '../report/formatters/vuln-sarif.js';
import { vulnTable } from '../report/formatters/vuln-table.js';
import type { ReportError, ReportVulnerability, ScanReport } from '../report/scan-report.js';
import { buildVulnReport, toReportVulnerabilities } from '../report/vuln-report.js';
import { packageQueries } from '../vuln/catalog/index.js';
import { defaultDbPath, VulnDb } from '../vuln/db/index.js';
import { matchPackages } from '../vuln/match/index.js';
import { writeCycloneDx } from '../vuln/sbom/index.js';
import { applyVex, parseOpenVex } from '../vuln/vex/index.js';
import { colorEnabled, type CliIO } from './io.js';
import { collectRepeat, parseGateSeverity } from './options.js';
import { targetOptionsFrom } from './input-options.js';
import { loadInventory, sbomStamp, writeOutput } from './sbom.js';

const FORMATS = ['table', 'json', 'sarif', 'cyclonedx-json'] as const;

/**
 * Opens the vulnerability database read-only: `--db`, else $CUBECAPE_DB or the default path. A
 * missing or empty database is a VULN_DB_MISSING input error (exit 3).
 */
export function openDb(option: string | undefined, io: CliIO): VulnDb {
  const raw = option ?? defaultDbPath(io.env);
  const path = isAbsolute(raw) ? raw : resolve(io.cwd, raw);
  if (!existsSync(path))
    throw new CubecapeError(
      'VULN_DB_MISSING',
      `expected a vulnerability database at ${path}; run "cubecape db import PATH" to load OSV advisories`,
      { file: path },
    );
  const db = VulnDb.open(path, { readonly: true });
  if (db.status().advisories === 0) {
    db.close();
    throw new CubecapeError(
      'VULN_DB_MISSING',
      `the vulnerability database at ${path} holds no advisories; run "cubecape db import PATH" first`,
      { file: path },
    );
  }
  return db;
}

/** Findings the gates count: not suppressed, and with --only-fixed/--ignore-unfixed only fixable ones. */
function counted(vulns: readonly ReportVulnerability[], onlyFixed: boolean): ReportVulnerability[] {
  return vulns.filter(
    (v) => v.status !== 'suppressed' && (!onlyFixed || v.fixedVersions.length > 0),
  );
}

/** The exit code of a vulnerability scan (DESIGN.md): 1 when a counted finding is at or above the gate. */
export function vulnVerdict(
  report: ScanReport,
  failOn: Severity | 'none',
  onlyFixed: boolean,
): { code: ExitCode; reason?: string } {
  const error = report.errors.find((e) => e.severity === 'error');
  if (error !== undefined) return { code: EXIT.INCOMPLETE, reason: error.message };
  if (failOn === 'none') return { code: EXIT.OK };
  const gated = counted(report.vulnerabilities ?? [], onlyFixed).filter(
    (v) => v.severity !== 'unknown' && severityRank(v.severity) >= severityRank(failOn),
  );
  if (gated.length === 0) return { code: EXIT.OK };
  return {
    code: EXIT.GATE_FAILED,
    reason: `${String(gated.length)} vulnerabilities at or above ${failOn}${onlyFixed ? ' with a fix' : ''}`,
  };
}

/** `cubecape vuln TARGET`: matches a target's packages against the offline OSV database. */
export function vulnCommand(
  io: CliIO,
  result: { code: ExitCode; reason?: string },
): CommandUnknownOpts {
  return new Command('vuln')
    .description('Find known vulnerabilities in an image, directory or SBOM (offline OSV database)')
    .argument(
      '<target>',
      'docker-archive:, oci-archive:, oci-dir:, registry:, dir:, sbom: or a path',
    )
    .option(
      '--db <file>',
      'database file (default: $CUBECAPE_DB or $XDG_DATA_HOME/cubecape/vuln.db)',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'),
    )
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above it (or none)')
        .argParser(parseGateSeverity)
        .default<Severity | 'none'>('high'),
    )
    .option('--only-fixed', 'report and gate only vulnerabilities that have a fixed version')
    .option('--ignore-unfixed', 'same as --only-fixed')
    .option('--vex <file>', 'OpenVEX document (repeatable)', collectRepeat)
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--timestamp <time>', 'creation time for cyclonedx-json (ISO 8601 or Unix seconds)')
    .option('--platform <os/arch>', 'image platform to pick from a multi-platform index')
    .option('--insecure', 'allow plain-HTTP registries on loopback')
    .option('--username <user>', 'registry user name')
    .option('--password <password>', 'registry password or token ($CUBECAPE_REGISTRY_PASSWORD)')
    .action(async (target, options) => {
      const started = Date.now();
      const scannedAt = new Date();
      const vexDocs = (options.vex ?? []).map((file) => {
        const path = resolve(io.cwd, file);
        if (!existsSync(path))
          throw new CubecapeError('PATH_NOT_FOUND', `expected an OpenVEX file at ${file}`, {
            file,
          });
        return parseOpenVex(readFileSync(path, 'utf8'), file);
      });
      const db = openDb(options.db, io);
      let vulns: ReportVulnerability[];
      const errors: ReportError[] = [];
      const inventory = await loadInventory(target, targetOptionsFrom(options, io), io);
      try {
        const matched = matchPackages(db, packageQueries(inventory));
        vulns = toReportVulnerabilities(matched.findings, inventory.packages);
        for (const skip of matched.skipped)
          errors.push({
            code: 'VULN_SKIPPED',
            message: `${skip.package.ecosystem}/${skip.package.name}: ${skip.reason}`,
            severity: 'warning',
          });
      } finally {
        db.close();
      }
      for (const note of inventory.notes)
        errors.push({
          code: 'CATALOG_NOTE',
          message: note.message,
          ...(note.path === undefined ? {} : { file: note.path }),
          severity: 'warning',
        });
      vulns = applyVex(vulns, vexDocs, inventory.target);
      const onlyFixed = options.onlyFixed === true || options.ignoreUnfixed === true;
      if (onlyFixed) vulns = vulns.filter((v) => v.fixedVersions.length > 0);
      if (inventory.packages.length === 0)
        errors.push({
          code: 'NO_RESOURCES',
          message: `no packages found in ${target}: nothing was scanned`,
          severity: 'error',
        });
      const report = buildVulnReport({
        toolVersion: TOOL_VERSION,
        scannedAt,
        durationMs: Date.now() - started,
        inventory,
        vulnerabilities: vulns,
        errors,
      });
      const ctx = {
        color: options.output === undefined && colorEnabled(io, io.stdout),
        width: io.stderr.columns ?? 120,
        cwd: io.cwd,
      };
      let text: string;
      if (options.format === 'json') text = json(report, ctx);
      else if (options.format === 'sarif') text = vulnSarif(report, ctx);
      else if (options.format === 'cyclonedx-json')
        text = `${JSON.stringify(
          writeCycloneDx(inventory, {
            stamp: sbomStamp(options.timestamp, io),
            vulnerabilities: vulns,
          }),
          null,
          2,
        )}\n`;
      else text = vulnTable(report, ctx);
      writeOutput(text, options.output, io);
      const verdict = vulnVerdict(report, options.failOn, onlyFixed);
      result.code = verdict.code;
      if (verdict.reason !== undefined) result.reason = verdict.reason;
    });
}
