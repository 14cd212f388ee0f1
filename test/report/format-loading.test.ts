import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatters, FORMAT_NAMES, isFormatName } from '../../src/report/formatters/index.js';
import { loadFormatter } from '../../src/report/formatters/load.js';

test('the format names list every formatter, in registry order', () => {
  assert.deepEqual([...FORMAT_NAMES], Object.keys(formatters));
  assert.ok(isFormatName('sarif'));
  assert.ok(!isFormatName('toString'));
});

test('loading one format gives the same formatter the registry holds', async () => {
  for (const name of FORMAT_NAMES) {
    assert.equal(await loadFormatter(name), formatters[name], name);
  }
});
