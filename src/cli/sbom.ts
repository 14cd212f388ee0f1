import { Command, Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { CubecapeError } from '../core/errors.js';
import { TOOL_VERSION } from '../core/version.js';
import type { ExitCode } from '../engine/gate.js';
import { catalogTree } from '../vuln/catalog/index.js';
import { openTarget } from '../vuln/image/target.js';
import type { Inventory } from '../vuln/inventory/types.js';
import {
  readSbom,
  sbomFormatOf,
  writeCycloneDx,
  writeSpdx,
  type SbomStamp,
} from '../vuln/sbom/index.js';
import type { CliIO } from './io.js';
import { targetOptionsFrom, type TargetOptions } from './input-options.js';

const PATH_SCHEMES = ['docker-archive:', 'oci-archive:', 'oci-dir:', 'dir:'];

/**
 * The target with a relative path made absolute against the command's working directory (the
 * image reader resolves against the process's), leaving registry references alone.
 */
function anchored(spec: string, cwd: string): string {
  if (cwd === process.cwd() || spec.startsWith('registry:')) return spec;
  const scheme = PATH_SCHEMES.find((s) => spec.startsWith(s)) ?? '';
  const path = spec.slice(scheme.length);
  return isAbsolute(path) ? spec : `${scheme}${resolve(cwd, path)}`;
}

/** Whether a bare path names an SBOM document rather than an image or directory. */
function looksLikeSbom(path: string): boolean {
  if (!path.endsWith('.json') || !existsSync(path)) return false;
  try {
    return sbomFormatOf(JSON.parse(readFileSync(path, 'utf8'))) !== undefined;
  } catch {
    return false;
  }
}

/**
 * The inventory of a target: `sbom:FILE` (or a bare path to a CycloneDX/SPDX JSON file) is read
 * directly; anything else is opened as an image or directory and catalogued.
 */
export async function loadInventory(
  spec: string,
  options: TargetOptions,
  io: CliIO,
): Promise<Inventory> {
  const sbomPath = spec.startsWith('sbom:') ? spec.slice('sbom:'.length) : undefined;
  if (sbomPath !== undefined || looksLikeSbom(resolve(io.cwd, spec))) {
    const file = sbomPath ?? spec;
    const path = resolve(io.cwd, file);
    if (!existsSync(path))
      throw new CubecapeError('PATH_NOT_FOUND', `expected an SBOM file at ${file}`, { file });
    return readSbom(readFileSync(path, 'utf8'), file);
  }
  const tree = await openTarget(anchored(spec, io.cwd), options);
  try {
    return await catalogTree(tree);
  } finally {
    await tree.close();
  }
}

/**
 * The creation time of generated documents: `--timestamp` (ISO 8601 or Unix seconds), else
 * SOURCE_DATE_EPOCH, else now. A given time makes identifiers content-derived (reproducible).
 */
export function sbomStamp(option: string | undefined, io: CliIO): SbomStamp {
  const raw = option ?? io.env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '')
    return { timestamp: new Date(), reproducible: false, toolVersion: TOOL_VERSION };
  const date = /^\d+$/.test(raw) ? new Date(Number(raw) * 1000) : new Date(raw);
  if (Number.isNaN(date.getTime()))
    throw new CubecapeError(
      'USAGE',
      `expected --timestamp/SOURCE_DATE_EPOCH as ISO 8601 or Unix seconds, got "${raw}"`,
    );
  return { timestamp: date, reproducible: true, toolVersion: TOOL_VERSION };
}

/** Writes `text` to `-o FILE` or stdout. */
export function writeOutput(text: string, output: string | undefined, io: CliIO): void {
  if (output === undefined || output === '-') io.stdout.write(text);
  else writeFileSync(resolve(io.cwd, output), text);
}

const SBOM_FORMATS = ['cyclonedx-json', 'spdx-json'] as const;

/** `cubecape sbom TARGET`: CycloneDX 1.6 or SPDX 2.3 JSON of what a target contains. */
export function sbomCommand(
  io: CliIO,
  result: { code: ExitCode; reason?: string },
): CommandUnknownOpts {
  const command = new Command('sbom')
    .description('Write an SBOM (CycloneDX 1.6 or SPDX 2.3 JSON) of an image, directory or SBOM')
    .argument(
      '<target>',
      'docker-archive:, oci-archive:, oci-dir:, registry:, dir:, sbom: or a path',
    )
    .addOption(
      new Option('-f, --format <format>', 'SBOM format')
        .choices(SBOM_FORMATS)
        .default('cyclonedx-json'),
    )
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option(
      '--timestamp <time>',
      'creation time (ISO 8601 or Unix seconds) for reproducible output',
    )
    .option('--platform <os/arch>', 'image platform to pick from a multi-platform index')
    .option('--insecure', 'allow plain-HTTP registries on loopback')
    .option('--username <user>', 'registry user name')
    .option('--password <password>', 'registry password or token ($CUBECAPE_REGISTRY_PASSWORD)');
  return command.action(async (target, options) => {
    const inventory = await loadInventory(target, targetOptionsFrom(options, io), io);
    const stamp = sbomStamp(options.timestamp, io);
    const doc =
      options.format === 'spdx-json'
        ? writeSpdx(inventory, { stamp })
        : writeCycloneDx(inventory, { stamp });
    writeOutput(`${JSON.stringify(doc, null, 2)}\n`, options.output, io);
    for (const note of inventory.notes)
      io.stderr.write(`note: ${note.path === undefined ? '' : `${note.path}: `}${note.message}\n`);
    if (inventory.packages.length === 0) {
      result.code = 3;
      result.reason = `no packages found in ${target}`;
    }
  });
}
