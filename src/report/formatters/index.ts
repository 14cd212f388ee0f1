import { json } from './json.js';
import { pretty } from './pretty.js';
import type { Formatter } from './types.js';

export type { FormatContext, Formatter } from './types.js';

/** Every output format, by the name `--format` accepts. */
export const formatters = { json, pretty } satisfies Record<string, Formatter>;

/** A name `--format` accepts. */
export type FormatName = keyof typeof formatters;

/** File name extension of each format, used when several formats are written to a directory. */
export const FORMAT_EXTENSIONS: Readonly<Record<FormatName, string>> = {
  json: '.json',
  pretty: '.txt',
};

/** Every format name, in registry order. */
export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

/** Narrows user input to a known format name. */
export function isFormatName(value: string): value is FormatName {
  return Object.hasOwn(formatters, value);
}
