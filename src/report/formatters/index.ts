import { csv } from './csv.js';
import { gitlabSast } from './gitlab-sast.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import type { FormatName } from './names.js';
import { policyreport } from './policyreport.js';
import { pretty } from './pretty.js';
import { prometheus } from './prometheus.js';
import { sarif } from './sarif.js';
import type { Formatter } from './types.js';

export type { FormatContext, Formatter } from './types.js';
export { FORMAT_EXTENSIONS, FORMAT_NAMES, isFormatName, type FormatName } from './names.js';

/** Every output format, by the name `--format` accepts (see load.ts for loading just one). */
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
} satisfies Record<FormatName, Formatter>;
