import type { ScanReport } from '../scan-report.js';
import { orderKeys, REPORT_KEY_ORDER } from './key-order.js';
import type { FormatContext } from './types.js';

/**
 * The ScanReport as JSON (docs/report-schema.json), two-space indented, keys in the documented
 * order whatever order the report object was built in, so diffs between scans stay readable.
 */
export function json(report: ScanReport, _ctx: FormatContext): string {
  return `${JSON.stringify(orderKeys(report, REPORT_KEY_ORDER), null, 2)}\n`;
}
