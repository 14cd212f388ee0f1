import type { JsonPath } from '../../core/json-path.js';
import { isRecord } from '../../model/resource.js';
import { DEFAULT_CEL_LIMITS } from '../cel/budget.js';
import { celEnvironment, compileCel, isCompileError } from '../cel/compile.js';
import { kyvernoCelEnvironment } from '../kyverno/cel-libraries.js';
import { loadCelPolicies } from '../cel/vap-load.js';
import { isKyvernoPolicy, isValidatingPolicy, loadValidatingPolicies } from '../kyverno/index.js';
import type { TestDocument, TestFile } from './types.js';
import { validateKyvernoPolicy, type PathProblem } from './validate-kyverno.js';

/** A problem in a policy file, with where to look. */
export interface PolicyFileProblem {
  readonly file: string;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly severity: 'error' | 'warning';
  readonly policy: string;
  readonly message: string;
}

const VAP_API = 'admissionregistration.k8s.io/v1';

/** `spec.validations[0].expression` → spec, validations, 0, expression. */
function parseWhere(where: string): JsonPath {
  return where
    .split(/\.|\[(\d+)\]/)
    .filter((part: string | undefined): part is string => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function valueAt(object: unknown, path: JsonPath): unknown {
  let current = object;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isRecord(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
}

/** Where in an expression the CEL parser points (its caret line), as ` (at character N)`. */
function caretOf(expression: unknown, vpol: boolean): string {
  if (typeof expression !== 'string') return '';
  const env = vpol ? kyvernoCelEnvironment() : celEnvironment();
  const compiled = compileCel(expression, DEFAULT_CEL_LIMITS, env);
  if (!isCompileError(compiled)) return '';
  const lines = compiled.error.split('\n');
  const source = lines.findIndex((line) => /^>\s+\d+ \| /.test(line));
  const caret = source === -1 ? undefined : lines[source + 1];
  const prefix = source === -1 ? undefined : /^>\s+\d+ \| /.exec(lines[source] ?? '')?.[0];
  if (caret === undefined || prefix === undefined || !caret.includes('^')) return '';
  return ` (at character ${caret.indexOf('^') - prefix.length + 1} of the expression)`;
}

/** CEL load problems read `spec.x[0].expression: why`; the prefix becomes a path. */
function celProblems(object: Record<string, unknown>, file: string): PathProblem[] {
  const vpol = isValidatingPolicy(object);
  const problems = vpol
    ? loadValidatingPolicies([{ object, file }]).problems
    : loadCelPolicies([{ object, file }]).problems;
  const found = problems.map((problem): PathProblem => {
    const match = /^(spec[\w.[\]]*): ([\s\S]*)$/.exec(problem.message);
    const path = match?.[1] === undefined ? [] : parseWhere(match[1]);
    return {
      path,
      severity: 'error',
      message: `${match?.[2] ?? problem.message}${caretOf(valueAt(object, path), vpol)}`,
    };
  });
  return vpol ? [...found, ...offlineWarnings(object)] : found;
}

const OFFLINE_ONLY =
  /\b(http\.(?:Get|Post|Client)|image\.GetMetadata|imagedata\.Get|globalContext\.Get|resource\.Post)\(|\bhas\(\s*[\w.]+\(/;

/** ValidatingPolicy expressions cubecape cannot evaluate offline: warnings, as they skip. */
function offlineWarnings(object: Record<string, unknown>): PathProblem[] {
  const spec = isRecord(object.spec) ? object.spec : {};
  const out: PathProblem[] = [];
  for (const field of ['matchConditions', 'variables', 'validations', 'auditAnnotations']) {
    const items: unknown = spec[field];
    if (!Array.isArray(items)) continue;
    for (const [index, item] of items.entries()) {
      if (!isRecord(item)) continue;
      for (const key of ['expression', 'messageExpression', 'valueExpression']) {
        const text = item[key];
        const hit = typeof text === 'string' ? OFFLINE_ONLY.exec(text) : null;
        if (hit === null) continue;
        const what = hit[1] ?? 'has() over a function result';
        out.push({
          path: ['spec', field, index, key],
          severity: 'warning',
          message: `${what} is not evaluated offline: cubecape reports the policy as skipped (unsupported)`,
        });
      }
    }
  }
  return out;
}

function nameOf(object: Record<string, unknown>): string {
  const metadata = object.metadata;
  const name = isRecord(metadata) ? metadata.name : undefined;
  return `${String(object.kind)}/${typeof name === 'string' ? name : '?'}`;
}

function locate(
  doc: TestDocument,
  problem: PathProblem,
  file: string,
  policy: string,
): PolicyFileProblem {
  const found = doc.sourceMap?.locate(problem.path)?.position ?? doc.position;
  return {
    file,
    line: found?.line,
    column: found?.column,
    severity: problem.severity,
    policy,
    message: problem.message,
  };
}

/** True for the documents `policy validate` checks (VAPs, Kyverno policies, ValidatingPolicies). */
export function isPolicyDocument(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    (isKyvernoPolicy(value) ||
      (value.apiVersion === VAP_API &&
        (value.kind === 'ValidatingAdmissionPolicy' ||
          value.kind === 'ValidatingAdmissionPolicyBinding')) ||
      isValidatingPolicy(value))
  );
}

/**
 * Every problem of every policy in a parsed file, each at its `file:line:col`: unknown fields
 * and wrong types in Kyverno rules, unknown condition operators, malformed anchors and pattern
 * operators, invalid JMESPath, CEL expressions that do not compile; features cubecape does not
 * evaluate are warnings. Returns how many policies were checked too.
 */
export function validatePolicyFile(file: TestFile): {
  problems: PolicyFileProblem[];
  policies: number;
} {
  const problems: PolicyFileProblem[] = [];
  let policies = 0;
  for (const doc of file.documents) {
    // Test assertions (Chainsaw) hold only a policy's expected status: nothing to check.
    if (
      !isPolicyDocument(doc.value) ||
      (doc.value.spec === undefined && doc.value.status !== undefined)
    )
      continue;
    policies += 1;
    const object = doc.value;
    const found = isKyvernoPolicy(object)
      ? validateKyvernoPolicy(object)
      : celProblems(object, file.path);
    for (const problem of found) problems.push(locate(doc, problem, file.path, nameOf(object)));
  }
  return { problems, policies };
}
