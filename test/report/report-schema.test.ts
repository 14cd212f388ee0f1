import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SEVERITIES } from '../../src/core/severity.js';
import { REPORT_KEY_ORDER, type KeyOrder } from '../../src/report/formatters/key-order.js';
import { REPORT_API_VERSION, type ScanReport } from '../../src/report/scan-report.js';
import { cleanReport, errorsOnlyReport, sampleReport } from './sample-report.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaNode = Readonly<Record<string, unknown>>;

const schema = JSON.parse(
  readFileSync(new URL('../../docs/report-schema.json', import.meta.url), 'utf8'),
) as SchemaNode;

function compile(): ReturnType<Ajv2020['compile']> {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}
const validate = compile();

function errorsOf(): string {
  return JSON.stringify(validate.errors, null, 2);
}

function clone(report: ScanReport): Json {
  return JSON.parse(JSON.stringify(report)) as Json;
}

function container(root: Json, path: readonly (string | number)[]): Json[] | Record<string, Json> {
  let node: Json = root;
  for (const segment of path) {
    assert.ok(node !== null && typeof node === 'object', `no container at ${path.join('.')}`);
    const next: Json | undefined = Array.isArray(node)
      ? node[Number(segment)]
      : node[String(segment)];
    assert.ok(next !== undefined, `missing ${String(segment)} in ${path.join('.')}`);
    node = next;
  }
  assert.ok(node !== null && typeof node === 'object');
  return node;
}

/** A copy of `report` with the value at `path` replaced, or removed when `value` is omitted. */
function mutate(
  report: ScanReport,
  path: readonly (string | number)[],
  ...value: [Json] | []
): Json {
  const root = clone(report);
  const parent = container(root, path.slice(0, -1));
  const key = path.at(-1);
  assert.ok(key !== undefined);
  if (Array.isArray(parent)) {
    if (value.length === 0) parent.splice(Number(key), 1);
    else parent[Number(key)] = value[0];
  } else if (value.length === 0) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- test mutation by path
    delete parent[String(key)];
  } else {
    parent[String(key)] = value[0];
  }
  return root;
}

describe('docs/report-schema.json', () => {
  it('is a draft 2020-12 schema with the documented $id', () => {
    assert.equal(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema['$id'], 'https://cubecape.io/schemas/scan-report-v1alpha2.json');
    assert.equal(
      (schema['properties'] as Record<string, SchemaNode>)['apiVersion']?.['const'],
      REPORT_API_VERSION,
    );
  });

  const validReports: [string, Json][] = [
    ['the hostile sample report', clone(sampleReport())],
    ['a clean report', clone(cleanReport())],
    ['a report with only errors', clone(errorsOnlyReport())],
    ['a report without an overall score', mutate(sampleReport(), ['summary', 'score'])],
    [
      'a resource without namespace or source',
      mutate(sampleReport(), ['resources', 0, 'namespace']),
    ],
    [
      'a fix value that is any JSON',
      mutate(sampleReport(), ['findings', 0, 'fix', 0, 'value'], { a: [1, null] }),
    ],
    ['an error without a file', mutate(sampleReport(), ['errors', 0, 'file'])],
    [
      'empty lists everywhere',
      { ...(clone(errorsOnlyReport()) as Record<string, Json>), errors: [], inputs: [] },
    ],
  ];
  for (const [name, report] of validReports) {
    it(`accepts ${name}`, () => {
      assert.ok(validate(report), errorsOf());
    });
  }

  const invalid: [string, readonly (string | number)[], ...([Json] | [])][] = [
    ['a wrong apiVersion', ['apiVersion'], 'cubecape.io/v1'],
    ['a wrong kind', ['kind'], 'Report'],
    ['another tool name', ['tool', 'name'], 'kubescape'],
    ['scannedAt that is not a date-time', ['scannedAt'], 'yesterday'],
    ['a negative duration', ['durationMs'], -1],
    ['a fractional duration', ['durationMs'], 1.5],
    ['an unknown input type', ['inputs', 0, 'type'], 'git'],
    ['a missing findings list', ['findings']],
    ['a missing summary', ['summary']],
    ['an unknown top-level property', ['extra'], true],
    ['a finding with severity "severe"', ['findings', 0, 'severity'], 'severe'],
    ['a finding with status "passed"', ['findings', 0, 'status'], 'passed'],
    ['a finding without a message', ['findings', 0, 'message']],
    ['a finding without a path', ['findings', 0, 'path']],
    ['a finding with an unknown property', ['findings', 0, 'title'], 'x'],
    ['a finding location at line 0', ['findings', 0, 'location', 'line'], 0],
    ['a finding location at column 0', ['findings', 0, 'location', 'column'], 0],
    ['a fractional line', ['findings', 0, 'location', 'line'], 2.5],
    ['a negative path index', ['findings', 0, 'path', 4], -1],
    ['a null path segment', ['findings', 0, 'path', 0], null],
    ['a fix op "add"', ['findings', 0, 'fix', 0, 'op'], 'add'],
    ['an exception without a reason', ['findings', 4, 'exception', 'reason']],
    ['a resource source at line 0', ['resources', 0, 'source', 'line'], 0],
    ['a negative document index', ['resources', 0, 'source', 'documentIndex'], -1],
    ['a resource without a name', ['resources', 0, 'name']],
    ['an empty resource id', ['resources', 0, 'id'], ''],
    ['a control status "ok"', ['controls', 0, 'status'], 'ok'],
    ['a control without counts', ['controls', 0, 'counts']],
    ['a negative count', ['controls', 0, 'counts', 'passed'], -3],
    ['a control score above 100', ['controls', 0, 'score'], 100.1],
    ['an unknown alias tool', ['controls', 0, 'aliases', 'snyk'], ['SNYK-1']],
    ['a framework score below 0', ['frameworks', 0, 'score'], -0.1],
    ['bySeverity without info', ['summary', 'bySeverity', 'info']],
    ['bySeverity with an unknown severity', ['summary', 'bySeverity', 'severe'], 1],
    ['an error code in lower case', ['errors', 0, 'code'], 'yaml_syntax'],
    ['an error severity "fatal"', ['errors', 0, 'severity'], 'fatal'],
    ['an error at line 0', ['errors', 0, 'line'], 0],
  ];
  for (const [name, path, ...value] of invalid) {
    it(`rejects ${name}`, () => {
      assert.equal(validate(mutate(sampleReport(), path, ...value)), false);
    });
  }

  for (const value of [null, [], 'ScanReport', 42, {}]) {
    it(`rejects ${JSON.stringify(value)} as a report`, () => {
      assert.equal(validate(value), false);
    });
  }

  it('lists every severity in the severity enum, in order', () => {
    const defs = schema['$defs'] as Record<string, SchemaNode>;
    assert.deepEqual(defs['severity']?.['enum'], [...SEVERITIES]);
  });
});

function resolve(node: SchemaNode): SchemaNode {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return node;
  const name = ref.replace('#/$defs/', '');
  const target = (schema['$defs'] as Record<string, SchemaNode>)[name];
  assert.ok(target, `unresolved ${ref}`);
  return resolve(target);
}

/** The object schema of a property: itself, or its array's items. */
function objectOf(node: SchemaNode): SchemaNode | undefined {
  const resolved = resolve(node);
  const items = resolved['items'];
  const candidate =
    items !== null && typeof items === 'object' ? resolve(items as SchemaNode) : resolved;
  return candidate['properties'] === undefined ? undefined : candidate;
}

function walk(
  node: SchemaNode,
  order: KeyOrder,
  at: string,
  visit: (node: SchemaNode, at: string) => void,
): void {
  const properties = node['properties'] as Record<string, SchemaNode>;
  assert.deepEqual(Object.keys(properties), order.keys, `key order of ${at}`);
  visit(node, at);
  for (const [key, property] of Object.entries(properties)) {
    const object = objectOf(property);
    const nested = order.nested?.[key];
    assert.equal(
      object !== undefined,
      nested !== undefined,
      `${at}.${key}: schema and key order disagree on nesting`,
    );
    if (object !== undefined && nested !== undefined) walk(object, nested, `${at}.${key}`, visit);
  }
}

describe('schema, TypeScript types and JSON key order agree', () => {
  it('the key order of the json formatter is the property order of the schema, at every level', () => {
    walk(schema, REPORT_KEY_ORDER, 'report', () => undefined);
  });

  it('every object in the schema is closed and every property has a description', () => {
    walk(schema, REPORT_KEY_ORDER, 'report', (node, at) => {
      assert.equal(node['additionalProperties'], false, `${at} is open`);
      for (const [key, property] of Object.entries(
        node['properties'] as Record<string, SchemaNode>,
      )) {
        const described =
          typeof property['description'] === 'string' ||
          typeof resolve(property)['description'] === 'string';
        assert.ok(described, `${at}.${key} has no description`);
      }
    });
  });

  it('the sample report (typed as ScanReport) uses every property the schema defines', () => {
    const seen = new Set<string>();
    const collect = (value: unknown, at: string): void => {
      if (Array.isArray(value)) for (const item of value) collect(item, at);
      else if (value !== null && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          seen.add(`${at}.${key}`);
          if (!(at.endsWith('.fix') && key === 'value')) collect(child, `${at}.${key}`);
        }
      }
    };
    for (const report of [sampleReport(), cleanReport()]) collect(report, 'report');
    walk(schema, REPORT_KEY_ORDER, 'report', (node, at) => {
      for (const key of Object.keys(node['properties'] as Record<string, SchemaNode>)) {
        // Aliases of every tool are optional; the sample needs only a few to exercise the shape.
        if (at.endsWith('.aliases')) continue;
        assert.ok(seen.has(`${at}.${key}`), `sample report never sets ${at}.${key}`);
      }
    });
  });
});
