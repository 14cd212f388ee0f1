import type { Colors } from 'picocolors/types.js';
import type { Severity } from '../core/severity.js';

/** A fixed-width, coloured severity tag for terminal lists. */
export function severityLabel(severity: Severity, colors: Colors): string {
  const text = severity.toUpperCase().padEnd(8);
  switch (severity) {
    case 'critical':
      return colors.bold(colors.magenta(text));
    case 'high':
      return colors.red(text);
    case 'medium':
      return colors.yellow(text);
    case 'low':
      return colors.blue(text);
    case 'info':
      return colors.dim(text);
  }
}
