/**
 * Runs the golden cases (rendered by the Go oracle in test/fixtures/helm-template/oracle) through
 * our engine the same way the oracle ran them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  goSprigFunctions,
  helmTemplateFunctions,
} from '../../../../src/ingest/helm/template/funcs/index.js';
import { fromJsValue } from '../../../../src/ingest/helm/template/funcs/go-json.js';
import { TemplateSet } from '../../../../src/ingest/helm/template/template-set.js';
import { mapSet, newMap, type GoValue } from '../../../../src/ingest/helm/template/values.js';

export interface GoldenCase {
  readonly name: string;
  readonly mode?: 'helm';
  readonly template: string;
  readonly values?: unknown;
  readonly files?: Record<string, string>;
  readonly output?: string;
  readonly error?: string;
}

export type Outcome = { readonly output: string } | { readonly error: string };

export function loadGoldens(): GoldenCase[] {
  const url = new URL('../../../fixtures/helm-template/golden.json', import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as GoldenCase[];
}

function map(entries: Record<string, GoValue>): GoValue {
  const out = newMap();
  for (const [k, v] of Object.entries(entries)) mapSet(out, k, v);
  return out;
}

function helmTop(values: GoValue): GoValue {
  return map({
    Values: values,
    Release: map({
      Name: 'rel',
      Namespace: 'ns',
      Revision: 1n,
      IsInstall: true,
      IsUpgrade: false,
      Service: 'Helm',
    }),
    Chart: map({ Name: 't', Version: '0.1.0', AppVersion: '' }),
    Capabilities: map({
      KubeVersion: map({ Version: 'v1.20.0', Major: '1', Minor: '20', GitVersion: 'v1.20.0' }),
    }),
  });
}

/** Renders one case: Go mode is plain text/template + sprig; Helm mode mimics Helm's engine. */
export function runCase(c: GoldenCase): Outcome {
  const values = c.values === undefined ? newMap() : fromJsValue(c.values);
  try {
    if (c.mode === 'helm') {
      const set = new TemplateSet(helmTemplateFunctions);
      for (const [name, text] of Object.entries(c.files ?? {}))
        set.addFile(`t/templates/${name}`, text);
      set.addFile('t/templates/case.yaml', c.template);
      const output = set.execute('t/templates/case.yaml', helmTop(values), {
        missingKey: 'zero',
        replaceNoValue: true,
      });
      return { output };
    }
    const set = new TemplateSet(goSprigFunctions);
    for (const name of Object.keys(c.files ?? {}).sort()) set.addFile(name, c.files?.[name] ?? '');
    set.addFile('case', c.template);
    return { output: set.execute('case', values) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Whether our outcome agrees with Go's: same output, or both failed. */
export function agrees(c: GoldenCase, outcome: Outcome): boolean {
  if (c.error !== undefined) return 'error' in outcome;
  return 'output' in outcome && outcome.output === c.output;
}
