/**
 * How go-yaml v2 writes a string scalar: plain when it would read back as the same string and
 * the characters allow it, else single-quoted, double-quoted, or a literal block for multi-line
 * text. Mirrors libyaml's scalar analysis so that `toYaml` output matches Helm byte for byte.
 */

const BOOL_NULL = new Set(
  'y Y yes Yes YES true True TRUE on On ON n N no No NO false False FALSE off Off OFF null Null NULL ~ .nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF <<'.split(
    ' ',
  ),
);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;

function isTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]| +)(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{1,2}(?::\d{2})?)?)?$/.exec(
      s,
    );
  if (m === null) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= 31 && (m[4] === undefined || Number(m[4]) < 24)
  );
}

/** Whether go-yaml would resolve the plain scalar to something other than a string. */
export function resolvesToNonString(s: string): boolean {
  if (s === '') return true;
  if (BOOL_NULL.has(s)) return true;
  const first = s[0] ?? '';
  if (first === '.') return YAML_FLOAT.test(s);
  if (!/[-+0-9]/.test(first)) return false;
  if (isTimestamp(s)) return true;
  const plain = s.replace(/_/g, '');
  if (GO_INT.test(plain)) return true;
  if (YAML_FLOAT.test(plain)) return true;
  return /^-?0b[01]+$/.test(plain) || BASE60.test(s);
}

interface Analysis {
  multiline: boolean;
  blockPlain: boolean;
  flowPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

/** libyaml's is_printable: note that it rejects every character outside the BMP. */
export function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

const isBreak = (c: string): boolean =>
  c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlankZ = (c: string | undefined): boolean =>
  c === undefined || c === ' ' || c === '\t' || isBreak(c);

/** libyaml's yaml_emitter_analyze_scalar. */
export function analyzeScalar(s: string): Analysis {
  if (s === '')
    return {
      multiline: false,
      blockPlain: true,
      flowPlain: false,
      singleQuoted: true,
      block: false,
    };
  const chars = Array.from(s);
  let flowInd = s.startsWith('---') || s.startsWith('...');
  let blockInd = flowInd;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  let precededByWs = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const followedByWs = isBlankZ(chars[i + 1]);
    const last = i === chars.length - 1;
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) flowInd = blockInd = true;
      if (c === '?' || c === ':') {
        flowInd = true;
        if (followedByWs) blockInd = true;
      }
      if (c === '-' && followedByWs) flowInd = blockInd = true;
    } else {
      if (',?[]{}'.includes(c)) flowInd = true;
      if (c === ':') {
        flowInd = true;
        if (followedByWs) blockInd = true;
      }
      if (c === '#' && precededByWs) flowInd = blockInd = true;
    }
    if (!isPrintable(c.codePointAt(0) ?? 0)) special = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevBreak = true;
      prevSpace = false;
    } else {
      prevSpace = prevBreak = false;
    }
    precededByWs = isBlankZ(c);
  }
  const a: Analysis = {
    multiline: lineBreaks,
    blockPlain: true,
    flowPlain: true,
    singleQuoted: true,
    block: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
    a.flowPlain = a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.flowPlain = a.blockPlain = a.singleQuoted = false;
  if (spaceBreak || special) a.flowPlain = a.blockPlain = a.singleQuoted = a.block = false;
  if (lineBreaks) a.flowPlain = a.blockPlain = false;
  if (flowInd) a.flowPlain = false;
  if (blockInd) a.blockPlain = false;
  return a;
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/** The style go-yaml v2 ends up using for a string. */
export function chooseStyle(s: string, simpleKey: boolean): ScalarStyle {
  let style: ScalarStyle = s.includes('\n')
    ? 'literal'
    : resolvesToNonString(s) || BASE60.test(s)
      ? 'double'
      : 'plain';
  const a = analyzeScalar(s);
  if (style === 'plain') {
    if (!a.blockPlain || (s === '' && simpleKey) || (simpleKey && a.multiline)) style = 'single';
  }
  if (style === 'single' && (!a.singleQuoted || (simpleKey && a.multiline))) style = 'double';
  if (style === 'literal' && (!a.block || simpleKey)) style = 'double';
  return style;
}
