import { CubecapeError } from '../../core/errors.js';
import type { IngestIssue } from '../../ingest/types.js';
import { parseYamlStream } from '../../ingest/yaml-stream.js';
import { isRecord } from '../../model/resource.js';
import { EXCEPTION_API_VERSION, EXCEPTION_KIND, readCubecapeException } from './cubecape.js';
import { DocumentReader } from './document.js';
import { isKubescapeDocument, readKubescapeExceptions } from './kubescape.js';
import type { ExceptionCatalog, ExceptionRule, ExceptionText, LoadedExceptions } from './types.js';

function readDocuments(
  input: ExceptionText,
  catalog: ExceptionCatalog,
  rules: ExceptionRule[],
  warnings: IngestIssue[],
): void {
  const stream = parseYamlStream(input.text, input.file);
  const [syntax] = stream.issues;
  if (syntax !== undefined) {
    throw new CubecapeError('EXCEPTION_INVALID', `not valid YAML or JSON: ${syntax.message}`, {
      file: input.file,
      line: syntax.line,
      column: syntax.column,
    });
  }
  for (const document of stream.documents) {
    const reader = new DocumentReader(input.file, document);
    const value = document.value;
    if (isKubescapeDocument(value)) {
      const kubescape = readKubescapeExceptions(reader, value, catalog);
      rules.push(...kubescape.rules);
      warnings.push(...kubescape.warnings);
    } else if (isRecord(value) && value['kind'] === EXCEPTION_KIND) {
      rules.push(readCubecapeException(reader, value, catalog));
    } else {
      reader.fail(
        [],
        `expected a document of kind ${EXCEPTION_KIND} (apiVersion ${EXCEPTION_API_VERSION}) or a Kubescape exceptions list (policyType postureExceptionPolicy)`,
      );
    }
  }
}

/**
 * Reads exception files (cubecape `kind: Exception` documents and Kubescape exception JSON,
 * several documents per file) into rules, in the order given. Pure: the CLI reads the files.
 * Invalid files throw `EXCEPTION_INVALID` with file and line; parts that cannot apply to
 * cubecape (a Kubescape control with no equivalent) come back as warnings.
 */
export function loadExceptions(
  inputs: readonly ExceptionText[],
  catalog: ExceptionCatalog,
): LoadedExceptions {
  const rules: ExceptionRule[] = [];
  const warnings: IngestIssue[] = [];
  for (const input of inputs) readDocuments(input, catalog, rules, warnings);
  const seen = new Map<string, ExceptionRule>();
  for (const rule of rules) {
    if (rule.source.format !== 'cubecape') continue;
    const first = seen.get(rule.exception.name);
    if (first !== undefined) {
      // Names identify accepted risks in reports and audits, so two must not share one.
      throw new CubecapeError(
        'EXCEPTION_INVALID',
        `exception name "${rule.exception.name}" is already used at ${first.source.file ?? '?'}:${first.source.line ?? '?'}`,
        { file: rule.source.file, line: rule.source.line },
      );
    }
    seen.set(rule.exception.name, rule);
  }
  return { rules, warnings };
}
