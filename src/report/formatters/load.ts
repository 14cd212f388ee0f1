import type { FormatName } from './names.js';
import type { Formatter } from './types.js';

/**
 * The formatter for one format, loading only its module: a scan writes one or two formats, and
 * the others (HTML with its charts, SARIF, JUnit, …) need not load on every run.
 */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'json':
      return (await import('./json.js')).json;
    case 'pretty':
      return (await import('./pretty.js')).pretty;
    case 'sarif':
      return (await import('./sarif.js')).sarif;
    case 'junit':
      return (await import('./junit.js')).junit;
    case 'html':
      return (await import('./html.js')).html;
    case 'markdown':
      return (await import('./markdown.js')).markdown;
    case 'csv':
      return (await import('./csv.js')).csv;
    case 'gitlab-sast':
      return (await import('./gitlab-sast.js')).gitlabSast;
    case 'prometheus':
      return (await import('./prometheus.js')).prometheus;
    case 'policyreport':
      return (await import('./policyreport.js')).policyreport;
  }
}
