/**
 * Test images with known vulnerable packages in several ecosystems, and the OSV records that
 * affect them: shared by the SBOM-equivalence and `scan --images` tests.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../sbom/schemas.js';
import type { TestLayer } from './build-image.js';

/** The lodash CVE-2021-23337 GHSA, with a CVSS v3.1 vector (high). */
export const LODASH_ADVISORY = {
  schema_version: '1.6.0',
  id: 'GHSA-35jh-r3h4-6jhm',
  modified: '2024-01-01T00:00:00Z',
  aliases: ['CVE-2021-23337'],
  summary: 'Command Injection in lodash',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [
    {
      package: { ecosystem: 'npm', name: 'lodash' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
    },
  ],
};

/** OS advisories shaped like the Debian and Alpine OSV feeds (matched through the source package). */
const OS_ADVISORIES = [
  {
    schema_version: '1.6.0',
    id: 'DEBIAN-CVE-2023-5678',
    modified: '2024-01-01T00:00:00Z',
    aliases: ['CVE-2023-5678'],
    summary: 'openssl: excessive time spent in DH checks',
    affected: [
      {
        package: { ecosystem: 'Debian:12', name: 'openssl' },
        ranges: [
          { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.13-1~deb12u1' }] },
        ],
      },
    ],
  },
  {
    schema_version: '1.6.0',
    id: 'DEBIAN-CVE-2022-3715',
    modified: '2024-01-01T00:00:00Z',
    aliases: ['CVE-2022-3715'],
    summary: 'bash: heap buffer overflow in valid_parameter_transform',
    affected: [
      {
        package: { ecosystem: 'Debian:12', name: 'bash' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '5.2.15-2+b1' }] }],
      },
    ],
  },
  {
    schema_version: '1.6.0',
    id: 'ALPINE-CVE-2023-6129',
    modified: '2024-01-01T00:00:00Z',
    aliases: ['CVE-2023-6129'],
    summary: 'openssl: POLY1305 MAC corrupts vector registers on PowerPC',
    affected: [
      {
        package: { ecosystem: 'Alpine:v3.19', name: 'openssl' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.1.4-r3' }] }],
      },
    ],
  },
];

/**
 * Writes the advisory files into `dir` and returns their names, ready for `cubecape db import`:
 * lodash (npm), GO-2023-2115 (Go), PYSEC-2019-217 (PyPI) and Debian/Alpine records.
 */
export function writeAdvisories(dir: string): string[] {
  writeFileSync(join(dir, 'lodash.json'), JSON.stringify(LODASH_ADVISORY));
  copyFileSync(join(CORPUS, 'osv/golang-vulndb/data/osv/GO-2023-2115.json'), join(dir, 'go.json'));
  copyFileSync(
    join(CORPUS, 'osv/pypa-advisory-database/vulns/jinja2/PYSEC-2019-217.yaml'),
    join(dir, 'pysec.yaml'),
  );
  OS_ADVISORIES.forEach((advisory, index) => {
    writeFileSync(join(dir, `os-${String(index)}.json`), JSON.stringify(advisory));
  });
  return [
    'lodash.json',
    'go.json',
    'pysec.yaml',
    ...OS_ADVISORIES.map((_, i) => `os-${String(i)}.json`),
  ];
}

/** A Debian 12 image: dpkg packages (one with a source package), npm, PyPI and Go modules. */
export const DEBIAN_APP_LAYERS: readonly TestLayer[] = [
  {
    entries: [
      {
        name: 'usr/lib/os-release',
        content:
          'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n',
      },
      { name: 'etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
      {
        name: 'var/lib/dpkg/status',
        content: [
          'Package: bash',
          'Status: install ok installed',
          'Architecture: amd64',
          'Version: 5.2.15-2',
          '',
          'Package: libssl3',
          'Status: install ok installed',
          'Architecture: amd64',
          'Source: openssl',
          'Version: 3.0.11-1~deb12u2',
          'Depends: libc6 (>= 2.34)',
          '',
          'Package: libc6',
          'Status: install ok installed',
          'Architecture: amd64',
          'Source: glibc',
          'Version: 2.36-9+deb12u4',
          '',
        ].join('\n'),
      },
    ],
  },
  {
    entries: [
      {
        name: 'app/node_modules/lodash/package.json',
        content: '{"name":"lodash","version":"4.17.20","license":"MIT"}',
      },
      {
        name: 'usr/lib/python3/dist-packages/Jinja2-2.10.dist-info/METADATA',
        content: 'Metadata-Version: 2.1\nName: Jinja2\nVersion: 2.10\nLicense: BSD\n',
      },
      {
        name: 'src/go.mod',
        content:
          'module example.com/app\n\ngo 1.21\n\nrequire github.com/gofiber/fiber/v2 v2.49.0\n',
      },
    ],
  },
];

/** An Alpine 3.19 image whose libcrypto3 comes from the openssl origin package. */
export const ALPINE_LAYERS: readonly TestLayer[] = [
  {
    entries: [
      {
        name: 'etc/os-release',
        content: 'ID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"\n',
      },
      {
        name: 'lib/apk/db/installed',
        content: [
          'P:libcrypto3',
          'V:3.1.4-r1',
          'A:x86_64',
          'o:openssl',
          'L:Apache-2.0',
          'D:so:libc.musl-x86_64.so.1',
          '',
          'P:musl',
          'V:1.2.4_git20230717-r4',
          'A:x86_64',
          'L:MIT',
          'p:so:libc.musl-x86_64.so.1=1',
          '',
        ].join('\n'),
      },
      {
        name: 'srv/node_modules/lodash/package.json',
        content: '{"name":"lodash","version":"4.17.15"}',
      },
    ],
  },
];
