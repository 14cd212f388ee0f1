/**
 * Heuristics for credentials written into manifests: by the name they are stored under, by
 * well-known token formats, and by the randomness of values stored under `*_KEY` names.
 */
import type { ValuePattern } from '../config/controls-settings.js';
import { testUserPattern } from '../config/safe-pattern.js';

/** Names and token formats a user configured on top of the built-in ones. */
export interface CredentialRules {
  /** Words that mark a name as secret; compared after {@link normalizeName}. */
  readonly names: readonly string[];
  readonly patterns: readonly ValuePattern[];
}

/** No additions: the built-in heuristics alone. */
export const NO_EXTRA_RULES: CredentialRules = { names: [], patterns: [] };

/** Words that mark a name as holding a secret, matched as whole `_`-separated words. */
const SECRET_WORDS =
  /(?:^|_)(?:PASSWORD|PASSWD|PASSPHRASE|PWD|SECRET|TOKEN|CREDENTIAL|CREDENTIALS|APIKEY|API_KEY|PRIVATE_KEY|PRIVATEKEY|ACCESS_KEY|ACCESSKEY|SECRET_KEY|AUTH_KEY|ENCRYPTION_KEY|SIGNING_KEY|MASTER_KEY)(?:_|$)/;

/** A last word that says the value is about a secret, not the secret itself. */
const METADATA_SUFFIXES: ReadonlySet<string> = new Set([
  'FILE',
  'PATH',
  'DIR',
  'NAME',
  'REF',
  'ID',
  'ENABLED',
  'ENABLE',
  'LENGTH',
  'LEN',
  'TTL',
  'EXPIRY',
  'EXPIRATION',
  'EXPIRES',
  'TIMEOUT',
  'URL',
  'URI',
  'ENDPOINT',
  'HEADER',
  'TYPE',
  'MODE',
  'VERSION',
  'VOLUME',
  'MOUNT',
  'SECONDS',
  'MINUTES',
  'HOURS',
  'COUNT',
  'SIZE',
  'POLICY',
  'KEY_ID',
]);
const COUNTING_WORDS: ReadonlySet<string> = new Set(['MAX', 'MIN', 'NUM', 'COUNT', 'LIMIT']);

/**
 * Token formats that identify a credential on their own, whatever the name. Each comes with a
 * cheap test for the literal text every match contains, so most values skip the regex: every
 * environment value and ConfigMap entry of a scan is checked against all of them.
 */
const VALUE_PATTERNS: readonly (readonly [string, RegExp, (value: string) => boolean])[] = [
  [
    'private key',
    /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/,
    (value) => value.includes('PRIVATE KEY-----'),
  ],
  [
    'AWS access key id',
    /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/,
    (value) => /A(?:KI|SI|BI|CC)A/.test(value),
  ],
  [
    'GitHub token',
    /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{22,}/,
    (value) => value.includes('gh') || value.includes('github_pat_'),
  ],
  ['GitLab token', /\bglpat-[A-Za-z0-9_-]{20,}/, (value) => value.includes('glpat-')],
  ['Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,}/, (value) => value.includes('xox')],
  ['Google API key', /\bAIza[0-9A-Za-z_-]{35}/, (value) => value.includes('AIza')],
  ['Stripe key', /\b[sr]k_live_[0-9A-Za-z]{16,}/, (value) => value.includes('k_live_')],
  [
    'JSON Web Token',
    /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/,
    (value) => value.includes('eyJ'),
  ],
  [
    'password in URL',
    /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@$]+:[^\s/@$]+@/i,
    (value) => value.includes('://') && value.includes('@'),
  ],
];

/**
 * Variable and key names repeat across thousands of containers and ConfigMaps (LOG_LEVEL, PORT,
 * …), and several controls ask about each: normalise each name once. Bounded, since names come
 * from the scanned input.
 */
const normalizedNames = new Map<string, string>();
const MAX_NORMALIZED_NAMES = 20_000;

/** `dbPassword`, `db-password`, `db.password` → `DB_PASSWORD`. */
export function normalizeName(name: string): string {
  let normalized = normalizedNames.get(name);
  if (normalized === undefined) {
    normalized = name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .toUpperCase()
      .replace(/^_+|_+$/g, '');
    if (normalizedNames.size < MAX_NORMALIZED_NAMES) normalizedNames.set(name, normalized);
  }
  return normalized;
}

function hasExtraWord(normalized: string, rules: CredentialRules): boolean {
  const padded = `_${normalized}_`;
  return rules.names.some((word) => {
    const wanted = normalizeName(word);
    return wanted !== '' && padded.includes(`_${wanted}_`);
  });
}

/** True when a variable or key name says its value is a secret. */
export function isCredentialName(name: string, rules: CredentialRules = NO_EXTRA_RULES): boolean {
  const normalized = normalizeName(name);
  if (normalized === 'PWD') return false;
  if (!SECRET_WORDS.test(normalized) && !hasExtraWord(normalized, rules)) return false;
  const words = normalized.split('_');
  const last = words.at(-1) ?? '';
  if (METADATA_SUFFIXES.has(last) || METADATA_SUFFIXES.has(words.slice(-2).join('_'))) return false;
  return !words.some((word) => COUNTING_WORDS.has(word));
}

/** The kind of well-known (or user-configured) credential a value contains, if any. */
export function credentialValueKind(
  value: string,
  rules: CredentialRules = NO_EXTRA_RULES,
): string | undefined {
  return (
    VALUE_PATTERNS.find(([, pattern, mayMatch]) => mayMatch(value) && pattern.test(value))?.[0] ??
    rules.patterns.find(({ pattern }) => testUserPattern(pattern, value))?.name
  );
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** Values that point at a secret instead of holding one: expansions, templates, paths, flags. */
function isIndirect(value: string): boolean {
  const trimmed = value.trim();
  return (
    trimmed === '' ||
    /^\$\([^)]*\)$/.test(trimmed) ||
    /^\$\{[^}]*\}$/.test(trimmed) ||
    /\{\{.*\}\}/.test(trimmed) ||
    trimmed.startsWith('/') ||
    /^(?:true|false|yes|no|on|off|null|none)$/i.test(trimmed)
  );
}

/** Why a name/value pair looks like a credential. */
export type CredentialFinding =
  { readonly by: 'value'; readonly kind: string } | { readonly by: 'name' };

/**
 * Judges a literal name/value pair: a known token format anywhere in the value, a secret-like
 * name with a literal value, or a random-looking value (≥ 16 chars, ≥ 3.5 bits/char) under a
 * `*KEY` name.
 */
export function detectCredential(
  name: string,
  value: string,
  rules: CredentialRules = NO_EXTRA_RULES,
): CredentialFinding | undefined {
  const kind = credentialValueKind(value, rules);
  if (kind !== undefined) return { by: 'value', kind };
  if (isIndirect(value)) return undefined;
  if (isCredentialName(name, rules)) return { by: 'name' };
  const normalized = normalizeName(name);
  const trimmed = value.trim();
  if (
    normalized.endsWith('KEY') &&
    trimmed.length >= 16 &&
    !/\s/.test(trimmed) &&
    shannonEntropy(trimmed) >= 3.5
  ) {
    return { by: 'value', kind: 'high-entropy key' };
  }
  return undefined;
}

/** Evidence that shows where a secret is without showing it: `PASSWORD=<redacted 12 chars>`. */
export function redacted(name: string, value: string): string {
  return `${name}=<redacted ${value.length} chars>`;
}

/** `key: value` or `key=value` lines of a config file embedded in a value (1-based line numbers). */
export function embeddedAssignments(text: string): { line: number; name: string; value: string }[] {
  const out: { line: number; name: string; value: string }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const match = /^\s*(?:export\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*["']?([^"'\s#]+)/.exec(
      line,
    );
    // Structural YAML (lists, maps, block scalars, anchors) and tiny values are not literals.
    const name = match?.[1];
    const literal = match?.[2];
    if (name === undefined || literal === undefined) return;
    if (literal.length < 4 || /^[[{|>&*!-]/.test(literal)) return;
    out.push({ line: index + 1, name, value: literal });
  });
  return out;
}
