/*
 * The names `--format` accepts, apart from the formatters themselves: option parsing and file
 * naming need the names on every run, the code of a format only when it is written.
 */

/** Every format name, in registry order. */
export const FORMAT_NAMES = [
  'json',
  'pretty',
  'sarif',
  'junit',
  'html',
  'markdown',
  'csv',
  'gitlab-sast',
  'prometheus',
  'policyreport',
] as const;

/** A name `--format` accepts. */
export type FormatName = (typeof FORMAT_NAMES)[number];

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

/** Narrows user input to a known format name. */
export function isFormatName(value: string): value is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(value);
}
