/**
 * Tokeniser for Go templates: text between actions, and the tokens inside `{{ }}`.
 * Trim markers (`{{- `, ` -}}`) are applied here by trimming the adjacent text.
 */
import { TemplateError } from './template-error.js';

export type TokenType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'identifier'
  | 'keyword'
  | 'field'
  | 'variable'
  | 'dot'
  | 'bool'
  | 'nil'
  | 'number'
  | 'string'
  | 'rawString'
  | 'char'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'eof';

export interface Token {
  readonly type: TokenType;
  readonly value: string;
  readonly line: number;
  readonly col: number;
}

const KEYWORDS = new Set([
  'block',
  'break',
  'continue',
  'define',
  'else',
  'end',
  'if',
  'range',
  'template',
  'with',
]);

const SPACE = /[ \t\r\n]/;
const ALNUM = /[\p{L}\p{Nd}_]/u;

/** Splits template source into tokens; comments are dropped. */
export class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private trimNext = false;
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly name: string,
    private readonly src: string,
  ) {
    for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1))
      this.lineStarts.push(i + 1);
  }

  tokenize(): Token[] {
    while (this.pos < this.src.length) {
      const open = this.src.indexOf('{{', this.pos);
      const end = open < 0 ? this.src.length : open;
      let text = this.src.slice(this.pos, end);
      const trimLeft = open >= 0 && /^\{\{-[ \t\r\n]/.test(this.src.slice(open, open + 4));
      if (this.trimNext) text = text.replace(/^[ \t\r\n]+/, '');
      if (trimLeft) text = trimTrailingSpace(text);
      this.trimNext = false;
      if (text.length > 0) this.push('text', text, this.pos);
      if (open < 0) break;
      this.pos = open;
      this.lexAction(trimLeft);
    }
    this.push('eof', '', this.src.length);
    return this.tokens;
  }

  private where(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (this.lineStarts[lo] ?? 0) + 1 };
  }

  private push(type: TokenType, value: string, offset: number): void {
    const { line, col } = this.where(offset);
    this.tokens.push({ type, value, line, col });
  }

  private fail(message: string, offset: number): never {
    const { line, col } = this.where(offset);
    throw new TemplateError('TEMPLATE_PARSE', message, this.name, line, col);
  }

  /** Whether a right delimiter (optionally with a trim marker) starts at the cursor. */
  private atRightDelim(): { trim: boolean; length: number } | undefined {
    if (this.src.startsWith('}}', this.pos)) return { trim: false, length: 2 };
    if (/^[ \t\r\n]-\}\}/.test(this.src.slice(this.pos, this.pos + 4))) {
      return { trim: true, length: 4 };
    }
    return undefined;
  }

  private lexAction(trimLeft: boolean): void {
    const start = this.pos;
    this.pos += trimLeft ? 4 : 2;
    const afterSpace = this.src.slice(this.pos).search(/[^ \t\r\n]/);
    const commentAt = afterSpace < 0 ? -1 : this.pos + (trimLeft ? afterSpace : 0);
    if (commentAt >= 0 && this.src.startsWith('/*', commentAt)) {
      this.lexComment(commentAt);
      return;
    }
    this.push('leftDelim', '{{', start);
    for (;;) {
      const right = this.atRightDelim();
      if (right !== undefined) {
        this.push('rightDelim', '}}', this.pos);
        this.pos += right.length;
        this.trimNext = right.trim;
        return;
      }
      if (this.pos >= this.src.length) this.fail('unclosed action', start);
      this.lexInside();
    }
  }

  private lexComment(at: number): void {
    const close = this.src.indexOf('*/', at + 2);
    if (close < 0) this.fail('unclosed comment', at);
    this.pos = close + 2;
    const right = this.atRightDelim();
    if (right === undefined) this.fail('comment ends before closing delimiter', this.pos);
    this.pos += right.length;
    this.trimNext = right.trim;
  }

  private lexInside(): void {
    const start = this.pos;
    const c = this.src[this.pos] ?? '';
    const rest = this.src.slice(this.pos);
    if (SPACE.test(c)) {
      const m = /^[ \t\r\n]+/.exec(rest);
      const len = m?.[0].length ?? 1;
      // A space directly before "-}}" belongs to the delimiter.
      const spaceLen = this.src.startsWith('-}}', this.pos + len) ? len - 1 : len;
      this.pos += Math.max(spaceLen, 1);
      if (spaceLen > 0) this.push('space', ' ', start);
      return;
    }
    if (rest.startsWith(':=')) {
      this.simple('declare', 2);
      return;
    }
    if (rest.startsWith('{{')) this.fail('unexpected "{{" in action', start);
    switch (c) {
      case '=': {
        this.simple('assign', 1);
        return;
      }
      case '|': {
        this.simple('pipe', 1);
        return;
      }
      case '(': {
        this.simple('leftParen', 1);
        return;
      }
      case ')': {
        this.simple('rightParen', 1);
        return;
      }
      case ',': {
        this.simple('comma', 1);
        return;
      }
      case '"': {
        this.lexQuote();
        return;
      }
      case '`': {
        this.lexRaw();
        return;
      }
      case "'": {
        this.lexChar();
        return;
      }
      case '$': {
        this.lexWord('variable', 1);
        return;
      }
      case '.':
        if (/^\.[0-9]/.test(rest)) {
          this.lexNumber();
          return;
        }
        if (/^\.[\p{L}_]/u.test(rest)) {
          this.lexWord('field', 1);
          return;
        }
        {
          this.simple('dot', 1);
          return;
        }
      default:
        break;
    }
    if (/[0-9+-]/.test(c)) {
      this.lexNumber();
      return;
    }
    if (/[\p{L}_]/u.test(c)) {
      this.lexIdentifier();
      return;
    }
    this.fail(`unrecognized character in action: ${JSON.stringify(c)}`, start);
  }

  private simple(type: TokenType, length: number): void {
    this.push(type, this.src.slice(this.pos, this.pos + length), this.pos);
    this.pos += length;
  }

  private lexWord(type: TokenType, prefix: number): void {
    const start = this.pos;
    this.pos += prefix;
    while (ALNUM.test(this.src[this.pos] ?? '')) this.pos++;
    this.push(type, this.src.slice(start, this.pos), start);
  }

  private lexIdentifier(): void {
    const start = this.pos;
    while (ALNUM.test(this.src[this.pos] ?? '')) this.pos++;
    const word = this.src.slice(start, this.pos);
    const next = this.src[this.pos] ?? '';
    if (!this.atTerminator(next)) this.fail(`bad character ${JSON.stringify(next)}`, this.pos);
    if (KEYWORDS.has(word)) this.push('keyword', word, start);
    else if (word === 'true' || word === 'false') this.push('bool', word, start);
    else if (word === 'nil') this.push('nil', word, start);
    else this.push('identifier', word, start);
  }

  private atTerminator(c: string): boolean {
    if (c === '' || SPACE.test(c) || '.,|:)('.includes(c) || c === '=') return true;
    return this.src.startsWith('}}', this.pos);
  }

  private lexNumber(): void {
    const start = this.pos;
    const m =
      /^[+-]?(0[xX][0-9a-fA-F_]*\.?[0-9a-fA-F_]*(?:[pP][+-]?[0-9_]+)?|0[oO][0-7_]+|0[bB][01_]+|[0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?)i?/.exec(
        this.src.slice(start),
      );
    const text = m?.[0] ?? '';
    this.pos += text.length;
    if (text === '' || text === '+' || text === '-' || ALNUM.test(this.src[this.pos] ?? '')) {
      this.fail(`bad number syntax: ${JSON.stringify(this.src.slice(start, this.pos + 1))}`, start);
    }
    this.push('number', text, start);
  }

  private lexQuote(): void {
    const start = this.pos;
    let i = this.pos + 1;
    for (;;) {
      const c = this.src[i];
      if (c === undefined || c === '\n') this.fail('unterminated quoted string', start);
      if (c === '\\') i += 2;
      else if (c === '"') break;
      else i++;
    }
    this.pos = i + 1;
    this.push('string', this.src.slice(start, this.pos), start);
  }

  private lexRaw(): void {
    const start = this.pos;
    const close = this.src.indexOf('`', start + 1);
    if (close < 0) this.fail('unterminated raw quoted string', start);
    this.pos = close + 1;
    this.push('rawString', this.src.slice(start, this.pos), start);
  }

  private lexChar(): void {
    const start = this.pos;
    let i = this.pos + 1;
    for (;;) {
      const c = this.src[i];
      if (c === undefined || c === '\n') this.fail('unterminated character constant', start);
      if (c === '\\') i += 2;
      else if (c === "'") break;
      else i++;
    }
    this.pos = i + 1;
    this.push('char', this.src.slice(start, this.pos), start);
  }
}

/**
 * Drops trailing spaces, tabs and newlines. A `/[ \t\r\n]+$/` regex retries from every space
 * run, which is quadratic on long template text.
 */
function trimTrailingSpace(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t\r\n'.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}
