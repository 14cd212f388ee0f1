import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogTree, osvEcosystem, packageQueries } from '../../../src/vuln/catalog/index.js';
import type { Package } from '../../../src/vuln/inventory/types.js';
import { parseToml } from '../../../src/core/toml.js';
import { memoryTree } from './memory-tree.js';

const lock = (packages: Record<string, unknown>): string =>
  JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'app' }, ...packages } });

describe('catalogTree', () => {
  it('merges the same purl found in several files, sorted, dev left out by default', async () => {
    const tree = memoryTree(
      {
        '/app/package-lock.json': lock({
          'node_modules/wrappy': { version: '1.0.2' },
          'node_modules/@babel/core': { version: '7.0.0', dev: true },
        }),
        '/app/node_modules/wrappy/package.json': JSON.stringify({
          name: 'wrappy',
          version: '1.0.2',
          license: 'ISC',
        }),
        '/app/yarn.lock': '# yarn lockfile v1\n\nabbrev@^1.0.0:\n  version "1.1.1"\n',
      },
      'sha256:layer1',
    );
    const inventory = await catalogTree(tree);
    assert.deepEqual(
      inventory.packages.map((p) => p.purl),
      ['pkg:npm/abbrev@1.1.1', 'pkg:npm/wrappy@1.0.2'],
    );
    assert.deepEqual(inventory.packages[1]?.locations, [
      { path: '/app/node_modules/wrappy/package.json', layer: 'sha256:layer1' },
      { path: '/app/package-lock.json', layer: 'sha256:layer1' },
    ]);
    const withDev = await catalogTree(tree, { includeDev: true });
    const babel = withDev.packages.find((p) => p.name === '@babel/core');
    assert.ok(babel);
    assert.equal(babel.purl, 'pkg:npm/%40babel/core@7.0.0');
    assert.equal(babel.dev, true);
  });

  it('runs only the chosen catalogers and rejects unknown names', async () => {
    const tree = memoryTree({
      '/a/yarn.lock': 'x@1:\n  version "1.0.0"\n',
      '/a/Cargo.lock': '[[package]]\nname = "serde"\nversion = "1.0.0"\n',
    });
    const inventory = await catalogTree(tree, { catalogers: ['rust'] });
    assert.deepEqual(
      inventory.packages.map((p) => `${p.foundBy} ${p.purl}`),
      ['rust pkg:cargo/serde@1.0.0'],
    );
    await assert.rejects(catalogTree(tree, { catalogers: ['nope'] }), RangeError);
  });

  it('turns bad data into notes naming the file, never throwing', async () => {
    const inventory = await catalogTree(
      memoryTree({
        '/a/package-lock.json': '{not json',
        '/a/pnpm-lock.yaml': 'packages: [\n',
        '/a/Cargo.lock': '[[package]\nname = 1\n',
        '/a/composer.lock': '[]',
        '/a/poetry.lock': 'name = "x"\nname = "y"\n',
        '/usr/lib/python3/site-packages/x-1.0.dist-info/METADATA': 'Summary: none\n',
      }),
    );
    assert.equal(inventory.packages.length, 0);
    const paths = new Set(inventory.notes.map((n) => n.path));
    for (const path of [
      '/a/package-lock.json',
      '/a/pnpm-lock.yaml',
      '/a/Cargo.lock',
      '/a/poetry.lock',
      '/usr/lib/python3/site-packages/x-1.0.dist-info/METADATA',
    ])
      assert.ok(paths.has(path), `a note for ${path}: ${JSON.stringify(inventory.notes)}`);
    assert.ok(
      inventory.notes.some((n) => n.path === '/a/poetry.lock' && n.message.includes('line 2')),
    );
  });
});

describe('python catalogers', () => {
  it('reads installed metadata, requirements pins with -r, Pipfile.lock and uv.lock', async () => {
    const inventory = await catalogTree(
      memoryTree({
        '/usr/lib/python3.11/site-packages/Zope.Interface-5.4.0.dist-info/METADATA':
          'Metadata-Version: 2.1\nName: zope.interface\nVersion: 5.4.0\nLicense: ZPL-2.1\n\nName: not-this\n',
        '/usr/lib/python3/dist-packages/six-1.16.0.egg-info': 'Name: six\nVersion: 1.16.0\n',
        '/src/requirements.txt': 'Django==2.2.24  # pinned\nflask>=1.0\n-r requirements-dev.txt\n',
        '/src/requirements-dev.txt':
          'pytest == 7.0.0 \\\n  --hash=sha256:abc\nmissing\n-r nowhere.txt\n',
        '/src/uv.lock':
          'version = 1\n[[package]]\nname = "app"\nversion = "0.1.0"\nsource = { editable = "." }\n\n[[package]]\nname = "Requests"\nversion = "2.31.0"\nsource = { registry = "https://pypi.org/simple" }\n',
        '/src/Pipfile.lock': JSON.stringify({
          default: { certifi: { version: '==2024.2.2' } },
          develop: { black: { version: '==24.1.0' } },
        }),
      }),
    );
    assert.deepEqual(
      inventory.packages.map((p) => p.purl),
      [
        'pkg:pypi/certifi@2024.2.2',
        'pkg:pypi/django@2.2.24',
        'pkg:pypi/pytest@7.0.0',
        'pkg:pypi/requests@2.31.0',
        'pkg:pypi/six@1.16.0',
        'pkg:pypi/zope-interface@5.4.0',
      ],
    );
    const zope = inventory.packages.find((p) => p.name === 'zope-interface');
    assert.ok(zope);
    assert.deepEqual(zope.licenses, ['ZPL-2.1']);
    assert.deepEqual(inventory.packages.find((p) => p.name === 'pytest')?.locations, [
      { path: '/src/requirements-dev.txt' },
    ]);
    assert.ok(
      inventory.notes.some(
        (n) => n.path === '/src/requirements-dev.txt' && n.message.includes('nowhere.txt'),
      ),
    );
  });
});

describe('osvEcosystem and packageQueries', () => {
  const pkg = (ecosystem: string, extra: Partial<Package> = {}): Package => ({
    name: 'bsdutils',
    version: '1:2.36.1-8',
    ecosystem,
    purl: `pkg:x/${ecosystem}`,
    foundBy: 'dpkg',
    locations: [{ path: '/var/lib/dpkg/status' }],
    ...extra,
  });
  it('adds the release as OSV spells it', () => {
    const cases: [string, string, string | undefined, string][] = [
      ['Debian', 'debian', '12', 'Debian:12'],
      ['Debian', 'debian', '11.9', 'Debian:11'],
      ['Ubuntu', 'ubuntu', '22.04', 'Ubuntu:22.04:LTS'],
      ['Ubuntu', 'ubuntu', '23.10', 'Ubuntu:23.10'],
      ['Alpine', 'alpine', '3.20.3', 'Alpine:v3.20'],
      ['Rocky Linux', 'rocky', '9.3', 'Rocky Linux:9'],
      ['AlmaLinux', 'almalinux', '8.9', 'AlmaLinux:8'],
      ['Red Hat', 'rhel', '9.3', 'Red Hat'],
      ['Wolfi', 'wolfi', '20230201', 'Wolfi'],
      ['npm', 'debian', '12', 'npm'],
      ['Debian', 'debian', undefined, 'Debian'],
    ];
    for (const [ecosystem, id, versionId, expected] of cases)
      assert.equal(
        osvEcosystem(pkg(ecosystem), versionId === undefined ? { id } : { id, versionId }),
        expected,
      );
  });
  it('queries Debian and Alpine packages by source name and version', () => {
    const queries = packageQueries({
      target: { kind: 'dir', ref: '.' },
      distro: { id: 'debian', versionId: '12' },
      notes: [],
      packages: [
        pkg('Debian', { source: { name: 'util-linux', version: '2.36.1-8' } }),
        pkg('npm', { name: 'x', version: '1.0.0', purl: 'pkg:npm/x@1.0.0', source: { name: 'y' } }),
        pkg('npm', { name: 'local', version: '', purl: 'pkg:npm/local' }),
      ],
    });
    assert.deepEqual(queries, [
      { ecosystem: 'Debian:12', name: 'util-linux', version: '2.36.1-8', purl: 'pkg:x/Debian' },
      { ecosystem: 'npm', name: 'x', version: '1.0.0', purl: 'pkg:npm/x@1.0.0' },
    ]);
  });
});

describe('toml reader', () => {
  it('reads the shapes lockfiles use and reports the line of an error', () => {
    const doc = parseToml(
      'version = 4\n# c\n[[package]]\nname = "a"\ndeps = [\n  "b 1.0",\n  \'c\', # x\n]\nsrc = { git = "u", rev = """r"""}\n[meta."k.x"]\nt = 1979-05-27 07:32:00Z\nok = true\n',
    );
    assert.deepEqual(JSON.parse(JSON.stringify(doc)), {
      version: 4,
      package: [{ name: 'a', deps: ['b 1.0', 'c'], src: { git: 'u', rev: 'r' } }],
      meta: { 'k.x': { t: '1979-05-27 07:32:00Z', ok: true } },
    });
    assert.throws(() => parseToml('a = 1\nb = "open\n'), /line 2/);
    assert.throws(() => parseToml('a = 1\na = 2\n'), /duplicate key/);
    assert.equal(Object.getPrototypeOf(parseToml('[__proto__]\nx = 1\n')['__proto__']), null);
  });
});
