import { CubecapeError } from '../../core/errors.js';

export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

export const DEFAULT_PLATFORM = 'linux/amd64';

/** Parses `os/arch[/variant]`. */
export function parsePlatform(text: string): Platform {
  const [os, architecture, variant, extra] = text.split('/');
  if (
    os === undefined ||
    os === '' ||
    architecture === undefined ||
    architecture === '' ||
    extra !== undefined
  ) {
    throw new CubecapeError(
      'USAGE',
      `invalid platform ${JSON.stringify(text)}: expected os/arch[/variant], e.g. linux/arm64/v8`,
    );
  }
  return variant === undefined || variant === ''
    ? { os, architecture }
    : { os, architecture, variant };
}

export function formatPlatform(platform: Partial<Platform> | undefined): string {
  if (platform?.os === undefined || platform.architecture === undefined) return 'unknown';
  return [platform.os, platform.architecture, platform.variant]
    .filter((part) => part !== undefined && part !== '')
    .join('/');
}

/** Whether a descriptor's platform matches the wanted one (no wanted variant matches any). */
export function platformMatches(found: Partial<Platform> | undefined, wanted: Platform): boolean {
  if (found?.os !== wanted.os || found.architecture !== wanted.architecture) return false;
  return wanted.variant === undefined || found.variant === wanted.variant;
}
