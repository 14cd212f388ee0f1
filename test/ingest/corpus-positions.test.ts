import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { JsonPath } from '../../src/core/json-path.js';
import type { Resource } from '../../src/model/resource.js';
import { parseYamlDocuments } from '../../src/ingest/yaml.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/manifests', import.meta.url));
/** Paths checked per resource: CRD schemas are huge and add nothing new after a while. */
const PATHS_PER_RESOURCE = 3000;

function manifestFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return manifestFiles(path);
    return /\.(ya?ml|json)$/.test(entry.name) ? [path] : [];
  });
}

function everyPath(
  value: unknown,
  visit: (path: JsonPath) => boolean,
  path: JsonPath = [],
): boolean {
  if (path.length > 0 && !visit(path)) return false;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return entries.every(([segment, child]) => everyPath(child, visit, [...path, segment]));
}

/** The text at a position starts with the key (plain or quoted) that a path ends in. */
function pointsAtKey(line: string, column: number, key: string): boolean {
  const text = line.slice(column - 1);
  // Keys that YAML resolved (`on` → true) or objects used as keys cannot be spelled back.
  if (['true', 'false', 'null', '[object Object]'].includes(key)) return true;
  return [key, JSON.stringify(key), `'${key}'`, '<<'].some((spelling) => text.startsWith(spelling));
}

function checkResource(resource: Resource, lines: readonly string[]): number {
  let checked = 0;
  const map = resource.origin?.sourceMap;
  assert.ok(map !== undefined);
  everyPath(resource.object, (path) => {
    const found = map.locate(path);
    const where = `${resource.origin?.file ?? ''} ${JSON.stringify(path)}`;
    assert.ok(found?.exact === true, `exact position for ${where}`);
    const last = path.at(-1);
    if (typeof last === 'string') {
      const line = lines[found.position.line - 1] ?? '';
      assert.ok(
        pointsAtKey(line, found.position.column, last),
        `${where} → ${JSON.stringify(found.position)}`,
      );
    }
    checked += 1;
    return checked < PATHS_PER_RESOURCE;
  });
  return checked;
}

test('every path of every resource in the real-world corpus locates exactly, at its key', () => {
  let checked = 0;
  for (const file of manifestFiles(CORPUS).sort()) {
    const text = readFileSync(file, 'utf8');
    const lines = text.replace(/^\uFEFF/, '').split('\n');
    for (const resource of parseYamlDocuments(text, file).resources)
      checked += checkResource(resource, lines);
  }
  assert.ok(checked > 100_000, `checked ${checked} paths`);
});
