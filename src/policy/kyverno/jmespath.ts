import type { compile, JSONValue } from '@jmespath-community/jmespath';
import { CubecapeError } from '../../core/errors.js';
import { jmespath } from '../../core/lazy-require.js';
import { registerKyvernoFunctions } from './functions.js';

type ExpressionNode = ReturnType<typeof compile>;
const MAX_CACHED = 2048;
const MAX_EXPRESSION_LENGTH = 4096;
const cache = new Map<string, ExpressionNode | CubecapeError>();

/**
 * Kyverno's JMESPath still accepts legacy backtick literals that are not JSON (`` `:latest` ``);
 * the community parser does not, so such literals become JSON strings first.
 */
export function normalizeLegacyLiterals(expression: string): string {
  return expression.replace(/`((?:[^`\\]|\\.)*)`/g, (whole, body: string) => {
    try {
      JSON.parse(body);
      return whole;
    } catch {
      return `\`${JSON.stringify(body.replace(/\\`/g, '`'))}\``;
    }
  });
}

function compiled(expression: string): ExpressionNode {
  const hit = cache.get(expression);
  if (hit instanceof CubecapeError) throw hit;
  if (hit !== undefined) return hit;
  let result: ExpressionNode | CubecapeError;
  try {
    if (expression.length > MAX_EXPRESSION_LENGTH) throw new Error('expression is too long');
    result = jmespath().compile(normalizeLegacyLiterals(expression));
  } catch (error) {
    result = new CubecapeError(
      'CONTROL_ERROR',
      `invalid JMESPath ${JSON.stringify(expression)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(expression, result);
  if (result instanceof CubecapeError) throw result;
  return result;
}

/**
 * Evaluates a JMESPath expression with Kyverno's custom functions over `data`.
 * @throws CubecapeError `CONTROL_ERROR` when the expression does not parse or fails.
 */
export function searchJmes(expression: string, data: unknown): unknown {
  registerKyvernoFunctions();
  const ast = compiled(expression.trim());
  try {
    return jmespath().TreeInterpreter.search(ast, data as JSONValue);
  } catch (error) {
    throw new CubecapeError(
      'CONTROL_ERROR',
      `JMESPath ${JSON.stringify(expression)} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
