import { csv } from './csv.js';
import { gitlabSast } from './gitlab-sast.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { policyreport } from './policyreport.js';
import { pretty } from './pretty.js';
import { prometheus } from './prometheus.js';
import { sarif } from './sarif.js';
import type { Formatter } from './types.js';

export type { FormatContext, Formatter } from './types.js';

/** Every output format, by the name `--format` accepts. */
export const formatters = {
  json,
  pretty,
  sarif,
  junit,
  html,
  markdown,
  csv,
  'gitlab-sast': gitlabSast,
  prometheus,
  policyreport,
} satisfies Record<string, Formatter>;

/** A name `--format` accepts. */
export type FormatName = keyof typeof formatters;

/**
 * File name extension of each format, used when several formats are written to a directory.
 * Each is distinct, so every format gets its own file next to the others.
 */
export const FORMAT_EXTENSIONS: Readonly<Record<FormatName, string>> = {
  json: '.json',
  pretty: '.txt',
  sarif: '.sarif',
  junit: '.junit.xml',
  html: '.html',
  markdown: '.md',
  csv: '.csv',
  'gitlab-sast': '.gl-sast.json',
  prometheus: '.prom',
  policyreport: '.policyreport.yaml',
};

/** Every format name, in registry order. */
export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

/** Narrows user input to a known format name. */
export function isFormatName(value: string): value is FormatName {
  return Object.hasOwn(formatters, value);
}
