import { Command, Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { CubecapeError } from '../core/errors.js';
import { EXIT, type ExitCode } from '../engine/gate.js';
import {
  defaultDbPath,
  importOsvPipelined,
  VulnDb,
  type DbStatus,
  type ImportSummary,
} from '../vuln/db/index.js';
import type { CliIO } from './io.js';

const FORMATS = ['text', 'json'] as const;
/** Bad records printed in text mode before summarising the rest. */
const SHOWN_BAD = 20;

function dbPath(option: string | undefined, io: CliIO): string {
  const path = option ?? defaultDbPath(io.env);
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}

function importText(summary: ImportSummary, path: string): string {
  const rate = summary.records / Math.max(summary.milliseconds / 1000, 0.001);
  const lines = summary.bad.slice(0, SHOWN_BAD).map((bad) => `skipped ${bad.file}: ${bad.reason}`);
  if (summary.bad.length > SHOWN_BAD)
    lines.push(`... and ${summary.bad.length - SHOWN_BAD} more skipped`);
  lines.push(
    `${summary.records} advisories read in ${(summary.milliseconds / 1000).toFixed(2)} s (${Math.round(rate)}/s): ` +
      `${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
      `${summary.older} older than stored, ${summary.bad.length} skipped`,
    `database: ${path}`,
  );
  return `${lines.join('\n')}\n`;
}

function ageOf(iso: string | undefined, now: Date): string {
  if (iso === undefined) return 'never';
  const hours = (now.getTime() - Date.parse(iso)) / 3_600_000;
  if (hours < 1) return `${iso} (less than an hour ago)`;
  if (hours < 48) return `${iso} (${Math.floor(hours)} h ago)`;
  return `${iso} (${Math.floor(hours / 24)} days ago)`;
}

function statusText(status: DbStatus, now: Date): string {
  const width = Math.max(9, ...status.ecosystems.map((e) => e.ecosystem.length));
  return [
    `database:        ${status.path}`,
    `advisories:      ${status.advisories} (${status.withdrawn} withdrawn)`,
    `newest modified: ${status.newestModified ?? 'none'}`,
    `last import:     ${ageOf(status.lastImport, now)}`,
    '',
    `${'ecosystem'.padEnd(width)}  advisories`,
    ...status.ecosystems.map((e) => `${e.ecosystem.padEnd(width)}  ${e.advisories}`),
    '',
  ].join('\n');
}

function importCommand(io: CliIO, result: { code: ExitCode; reason?: string }): CommandUnknownOpts {
  return new Command('import')
    .description(
      'Load OSV advisories (JSON, YAML, directories, all.zip exports) into the local database',
    )
    .argument('<paths...>', 'OSV files, directories or zip archives')
    .option(
      '--db <file>',
      'database file (default: $CUBECAPE_DB or $XDG_DATA_HOME/cubecape/vuln.db)',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'),
    )
    .action(async (paths, options) => {
      const path = dbPath(options.db, io);
      const db = VulnDb.open(path);
      try {
        const summary = await importOsvPipelined(
          db,
          paths.map((p) => resolve(io.cwd, p)),
        );
        if (options.format === 'json')
          io.stdout.write(`${JSON.stringify({ database: path, ...summary }, null, 2)}\n`);
        else io.stdout.write(importText(summary, path));
        if (summary.bad.length > 0) {
          result.code = EXIT.INCOMPLETE;
          result.reason = `${summary.bad.length} files or records could not be imported`;
        }
      } finally {
        db.close();
      }
    });
}

function statusCommand(io: CliIO): CommandUnknownOpts {
  return new Command('status')
    .description('Show what the local vulnerability database holds (offline)')
    .option(
      '--db <file>',
      'database file (default: $CUBECAPE_DB or $XDG_DATA_HOME/cubecape/vuln.db)',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'),
    )
    .action((options) => {
      const path = dbPath(options.db, io);
      if (!existsSync(path))
        throw new CubecapeError(
          'PATH_NOT_FOUND',
          `expected a vulnerability database at ${path}; run "cubecape db import" first`,
          {
            file: path,
          },
        );
      const db = VulnDb.open(path, { readonly: true });
      try {
        const status = db.status();
        io.stdout.write(
          options.format === 'json'
            ? `${JSON.stringify(status, null, 2)}\n`
            : statusText(status, new Date()),
        );
      } finally {
        db.close();
      }
    });
}

/** `cubecape db import|status`: the offline OSV vulnerability database. Never uses the network. */
export function dbCommand(
  io: CliIO,
  result: { code: ExitCode; reason?: string },
): CommandUnknownOpts {
  const db = new Command('db').description('Manage the offline vulnerability database');
  const output = {
    writeOut: (text: string) => io.stdout.write(text),
    writeErr: (text: string) => io.stderr.write(text),
  };
  db.addCommand(importCommand(io, result));
  db.addCommand(statusCommand(io));
  // main.ts configures only the top-level commands; nested ones need the same treatment.
  for (const command of db.commands) command.exitOverride().configureOutput(output);
  return db;
}
