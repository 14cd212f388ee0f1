import { picomatch } from '../core/lazy-require.js';

/** The name of the per-directory ignore file. */
export const IGNORE_FILE_NAME = '.cubecapeignore';

/** One gitignore-like pattern, compiled. */
export interface IgnoreRule {
  /** `!pattern`: re-includes what an earlier rule excluded. */
  readonly negate: boolean;
  /** `pattern/`: matches directories only. */
  readonly directoryOnly: boolean;
  /** Directory (relative to the scanned root, `''` for the root) the pattern is relative to. */
  readonly base: string;
  readonly test: (relativePath: string) => boolean;
  /** When set, the pattern is also tried against the path as displayed (cwd-relative). */
  readonly alsoDisplayed: boolean;
}

/**
 * Compiles one gitignore-like pattern: without a `/` (other than a trailing one) it matches a
 * name at any depth; with one it is anchored at `base`. Returns undefined for blank lines and
 * comments.
 */
export function compileIgnorePattern(
  line: string,
  base: string,
  alsoDisplayed = false,
): IgnoreRule | undefined {
  let pattern = line.trimEnd();
  if (pattern === '' || pattern.startsWith('#')) return undefined;
  const negate = pattern.startsWith('!');
  if (negate) pattern = pattern.slice(1);
  else if (pattern.startsWith('\\#') || pattern.startsWith('\\!')) pattern = pattern.slice(1);
  const directoryOnly = pattern.endsWith('/');
  pattern = pattern.replace(/\/+$/, '');
  if (pattern.startsWith('./')) pattern = pattern.slice(2);
  if (pattern === '') return undefined;
  const anchored = pattern.includes('/');
  if (anchored) pattern = pattern.replace(/^\/+/, '');
  else pattern = `**/${pattern}`;
  const matcher = picomatch()(pattern, { dot: true });
  return { negate, directoryOnly, base, test: matcher, alsoDisplayed: alsoDisplayed && anchored };
}

/** Compiles the lines of an ignore file found in directory `base`. */
export function parseIgnoreFile(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    const rule = compileIgnorePattern(line, base);
    if (rule !== undefined) rules.push(rule);
  }
  return rules;
}

function ruleMatches(
  rule: IgnoreRule,
  relative: string,
  displayed: string,
  isDirectory: boolean,
): boolean {
  if (rule.directoryOnly && !isDirectory) return false;
  if (rule.alsoDisplayed && rule.test(displayed)) return true;
  if (rule.base === '') return rule.test(relative);
  if (!relative.startsWith(`${rule.base}/`)) return false;
  return rule.test(relative.slice(rule.base.length + 1));
}

/**
 * Whether one path is ignored by `rules`, gitignore-style: the last matching rule decides.
 * Callers prune ignored directories, so a path's ancestors are checked by whoever walked them.
 */
export function isIgnored(
  rules: readonly IgnoreRule[],
  relative: string,
  isDirectory: boolean,
  displayed = relative,
): boolean {
  let ignored = false;
  for (const rule of rules) {
    if (ruleMatches(rule, relative, displayed, isDirectory)) ignored = !rule.negate;
  }
  return ignored;
}

/** Like {@link isIgnored}, also checking every ancestor directory (for paths not walked). */
export function isPathOrAncestorIgnored(
  rules: readonly IgnoreRule[],
  relative: string,
  displayed: string,
): boolean {
  const parts = relative.split('/');
  const shown = displayed.split('/');
  for (let depth = 1; depth < parts.length; depth += 1) {
    const ancestor = parts.slice(0, depth).join('/');
    const shownAncestor = shown.slice(0, shown.length - parts.length + depth).join('/');
    if (isIgnored(rules, ancestor, true, shownAncestor)) return true;
  }
  return isIgnored(rules, relative, false, displayed);
}
