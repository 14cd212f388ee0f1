/** sprig's regular-expression functions (Go RE2 syntax). */
import { fn, type FunctionMap, type TemplateFunction, str } from '../functions.js';
import { compileRe2, goExpand, goFindAll, goSplit, quoteMeta } from './go-regexp.js';

function matches(pattern: string, s: string): boolean {
  return goFindAll(compileRe2(pattern), s, 1).length > 0;
}

function findAll(pattern: string, s: string, n: number): string[] {
  return goFindAll(compileRe2(pattern), s, n).map((m) => m.match[0]);
}

function replaceAll(pattern: string, s: string, repl: string, literal: boolean): string {
  let out = '';
  let last = 0;
  for (const m of goFindAll(compileRe2(pattern), s, -1)) {
    out += s.slice(last, m.start) + (literal ? repl : goExpand(repl, m.match));
    last = m.end;
  }
  return out + s.slice(last);
}

/** sprig's plain variants panic on a bad pattern; both surface as a template error here. */
function pair(name: string, f: TemplateFunction): FunctionMap {
  return { [name]: f, [`must${name.charAt(0).toUpperCase()}${name.slice(1)}`]: f };
}

/** The regex family. */
export const regexFunctions: FunctionMap = {
  regexMatch: fn(['string', 'string'], ([p, s]) => {
    // sprig's plain regexMatch reports a bad pattern as no match
    try {
      return matches(str(p), str(s));
    } catch {
      return false;
    }
  }),
  mustRegexMatch: fn(['string', 'string'], ([p, s]) => matches(str(p), str(s))),
  ...pair(
    'regexFindAll',
    fn(['string', 'string', 'int'], ([p, s, n]) => findAll(str(p), str(s), Number(n))),
  ),
  ...pair(
    'regexFind',
    fn(['string', 'string'], ([p, s]) => findAll(str(p), str(s), 1)[0] ?? ''),
  ),
  ...pair(
    'regexReplaceAll',
    fn(['string', 'string', 'string'], ([p, s, r]) => replaceAll(str(p), str(s), str(r), false)),
  ),
  ...pair(
    'regexReplaceAllLiteral',
    fn(['string', 'string', 'string'], ([p, s, r]) => replaceAll(str(p), str(s), str(r), true)),
  ),
  ...pair(
    'regexSplit',
    fn(['string', 'string', 'int'], ([p, s, n]) =>
      goSplit(compileRe2(str(p)), str(p), str(s), Number(n)),
    ),
  ),
  regexQuoteMeta: fn(['string'], ([s]) => quoteMeta(str(s))),
};
