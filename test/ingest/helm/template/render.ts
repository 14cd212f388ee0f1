/** Test helper: render a template string with the full Helm function set. */
import { helmTemplateFunctions } from '../../../../src/ingest/helm/template/funcs/index.js';
import { fromJsValue } from '../../../../src/ingest/helm/template/funcs/go-json.js';
import {
  TemplateSet,
  type ExecuteOptions,
} from '../../../../src/ingest/helm/template/template-set.js';
import type { GoValue } from '../../../../src/ingest/helm/template/values.js';

/** Renders `template` with JSON-like `data` (numbers become float64, as Helm's values do). */
export function render(
  template: string,
  data: unknown = {},
  options: ExecuteOptions = {},
  files: Record<string, string> = {},
): string {
  const set = new TemplateSet(helmTemplateFunctions).addFiles(files).addFile('t', template);
  return set.execute('t', fromJsValue(data), options);
}

/** Renders with data already in the value model (e.g. bigint integers). */
export function renderRaw(template: string, data: GoValue, options: ExecuteOptions = {}): string {
  return new TemplateSet(helmTemplateFunctions).addFile('t', template).execute('t', data, options);
}

/** The error code thrown by rendering, or `undefined` when it succeeds. */
export function errorCode(
  template: string,
  data: unknown = {},
  options: ExecuteOptions = {},
): string | undefined {
  try {
    render(template, data, options);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? 'untyped';
  }
}
