import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readZip } from '../../../src/vuln/db/index.js';
import { buildZip } from './zip-fixture.js';

describe('readZip', () => {
  it('reads deflated and stored entries and skips directories', () => {
    const zip = buildZip([
      { name: 'dir/', text: '' },
      { name: 'a.json', text: '{"id":"A"}' },
      { name: 'b.json', text: 'stored text', store: true },
    ]);
    const { entries, problems } = readZip(zip);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      entries.map((e) => [e.name, e.data.toString('utf8')]),
      [
        ['a.json', '{"id":"A"}'],
        ['b.json', 'stored text'],
      ],
    );
  });

  const broken: readonly (readonly [string, Buffer])[] = [
    ['empty buffer', Buffer.alloc(0)],
    ['plain text', Buffer.from('this is not a zip archive at all, just some text')],
    ['truncated archive', buildZip([{ name: 'a.json', text: '{}' }]).subarray(0, 30)],
  ];
  for (const [name, data] of broken) {
    it(`reports ${name} as a problem`, () => {
      const { entries, problems } = readZip(data);
      assert.equal(entries.length, 0);
      assert.ok(problems.length > 0);
    });
  }

  it('refuses entries above the size limit', () => {
    const zip = buildZip([{ name: 'big.json', text: 'x'.repeat(5000) }]);
    const { entries, problems } = readZip(zip, { maxEntryBytes: 1000, maxEntries: 10 });
    assert.equal(entries.length, 0);
    assert.equal(problems[0]?.name, 'big.json');
  });

  it('refuses archives with too many entries', () => {
    const zip = buildZip([
      { name: 'a.json', text: '{}' },
      { name: 'b.json', text: '{}' },
    ]);
    assert.equal(readZip(zip, { maxEntryBytes: 1000, maxEntries: 1 }).entries.length, 0);
  });

  it('reports a corrupted deflate stream without aborting other entries', () => {
    const zip = buildZip([
      { name: 'bad.json', text: '{"id":"broken"}' },
      { name: 'good.json', text: '{"id":"fine"}' },
    ]);
    // Corrupt the first entry's compressed bytes (after its 30-byte header and 8-byte name).
    zip.fill(0xff, 38, 44);
    const { entries, problems } = readZip(zip);
    assert.deepEqual(
      entries.map((e) => e.name),
      ['good.json'],
    );
    assert.equal(problems[0]?.name, 'bad.json');
  });
});
