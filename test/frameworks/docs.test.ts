import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { renderFrameworkDocs } from '../../scripts/generate-framework-docs.js';
import { builtinFrameworks } from '../../src/frameworks/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('generated framework docs', async () => {
  const files = await renderFrameworkDocs();

  it('has one page per framework plus the index', () => {
    assert.equal(files.size, builtinFrameworks.length + 1);
    const committed = readdirSync(`${root}docs/frameworks`).filter((n) => n.endsWith('.md'));
    const expected = builtinFrameworks.map((framework) => `${framework.id}.md`);
    assert.deepEqual([...committed].sort(), [...expected].sort());
  });

  for (const [path, text] of files) {
    it(`${path} is up to date (run npm run docs:frameworks)`, () => {
      assert.ok(existsSync(`${root}${path}`), `${path} missing`);
      assert.equal(readFileSync(`${root}${path}`, 'utf8'), text);
    });
  }

  it('lists not-covered CIS recommendations and every mapped control', () => {
    const cis = files.get('docs/frameworks/cis-v1.12.md') ?? '';
    assert.match(cis, /## Not covered\n\nEvery section has at least one control\./);
    assert.match(cis, /`host-apiserver-manifest-permissions` \(medium, needs node data\)/);
    const index = files.get('docs/frameworks.md') ?? '';
    for (const framework of builtinFrameworks) assert.ok(index.includes(`\`${framework.id}\``));
  });

  it('renders unknown control ids visibly instead of dropping them', async () => {
    const bogus = { id: 'bogus', name: 'B', version: '0', description: 'D', sections: [] };
    const single = await renderFrameworkDocs(
      [{ ...bogus, sections: [{ id: 's', title: 'S', controls: ['no-such-control'] }] }],
      [],
    );
    assert.match(single.get('docs/frameworks/bogus.md') ?? '', /`no-such-control`: unknown/);
  });
});
