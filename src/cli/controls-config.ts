import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ControlsSettings } from '../config/controls-settings.js';
import { parseControlsConfig } from '../config/load.js';
import { CubecapeError } from '../core/errors.js';
import { readRegularFile } from '../ingest/read-input.js';
import type { CliIO } from './io.js';

/** Read from the working directory when neither `--config` nor `--no-config` is given. */
export const DEFAULT_CONFIG_FILE = '.cubecape.yaml';

/** A configuration is a page of settings; anything larger is a mistake, not a config. */
const MAX_CONFIG_BYTES = 1024 * 1024;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The controls settings of a run: from `--config FILE`, else from `.cubecape.yaml` in the working
 * directory when there is one (said on stderr, since it changes results), else none (`--no-config`
 * or no file). Problems with the file are usage errors: exit 2 before anything is scanned.
 */
export async function loadControlsSettings(
  option: string | boolean | undefined,
  io: CliIO,
): Promise<ControlsSettings | undefined> {
  if (option === false) return undefined;
  const explicit = typeof option === 'string';
  const file = explicit ? option : DEFAULT_CONFIG_FILE;
  const absolute = resolve(io.cwd, file);
  if (!(await isFile(absolute))) {
    if (!explicit) return undefined;
    throw new CubecapeError('CONFIG', 'controls configuration: expected a readable file', { file });
  }
  const outcome = await readRegularFile(absolute, MAX_CONFIG_BYTES);
  if (!outcome.ok)
    throw new CubecapeError('CONFIG', `controls configuration: ${outcome.issue.message}`, { file });
  const settings = parseControlsConfig(outcome.text, file);
  if (!explicit)
    io.stderr.write(`cubecape: using controls configuration ${file} (--no-config ignores it)\n`);
  return settings;
}
