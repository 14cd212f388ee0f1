import type { Inventory } from '../../../src/vuln/inventory/types.js';
import type { SbomStamp } from '../../../src/vuln/sbom/index.js';

const LAYER_A = `sha256:${'a'.repeat(64)}`;
const LAYER_B = `sha256:${'b'.repeat(64)}`;

/** A small image inventory: OS packages, scoped npm packages with dependencies, a duplicate purl. */
export function sampleInventory(): Inventory {
  return {
    target: {
      kind: 'docker-archive',
      ref: './app <&> ünïcode.tar',
      digest: `sha256:${'c'.repeat(64)}`,
      layers: [LAYER_A, LAYER_B],
      platform: 'linux/amd64',
      names: ['example.com/app:1.0'],
    },
    distro: { id: 'debian', versionId: '12', versionCodename: 'bookworm', prettyName: 'Debian 12' },
    packages: [
      {
        name: 'openssl',
        version: '3.0.11-1~deb12u1',
        ecosystem: 'Debian',
        purl: 'pkg:deb/debian/openssl@3.0.11-1~deb12u1?arch=amd64&distro=debian-12',
        foundBy: 'dpkg',
        locations: [{ path: '/var/lib/dpkg/status', layer: LAYER_A }],
        licenses: ['Apache-2.0'],
        source: { name: 'openssl', version: '3.0.11-1~deb12u1' },
        metadata: { architecture: 'amd64' },
      },
      {
        name: 'bash',
        version: '5.2.15-2+b2',
        ecosystem: 'Debian',
        purl: 'pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64&distro=debian-12',
        foundBy: 'dpkg',
        locations: [{ path: '/var/lib/dpkg/status', layer: LAYER_A }],
        licenses: ['GPL-3.0-or-later', 'some free text licence <b>'],
      },
      {
        name: '@scope/left-pad',
        version: '1.0.0',
        ecosystem: 'npm',
        purl: 'pkg:npm/%40scope/left-pad@1.0.0',
        foundBy: 'npm',
        locations: [{ path: '/app/package-lock.json', layer: LAYER_B }],
        licenses: ['MIT OR Apache-2.0'],
        dependsOn: ['pkg:npm/lodash@4.17.20', 'pkg:npm/missing@1.0.0'],
      },
      {
        name: 'lodash',
        version: '4.17.20',
        ecosystem: 'npm',
        purl: 'pkg:npm/lodash@4.17.20',
        foundBy: 'npm',
        locations: [{ path: '/app/package-lock.json', layer: LAYER_B }],
        licenses: ['MIT'],
        dev: true,
      },
      {
        name: 'lodash',
        version: '4.17.20',
        ecosystem: 'npm',
        purl: 'pkg:npm/lodash@4.17.20',
        foundBy: 'npm',
        locations: [{ path: '/opt/other/node_modules/lodash/package.json', layer: LAYER_B }],
      },
      {
        name: 'jinja2',
        version: '2.10',
        ecosystem: 'PyPI',
        purl: 'pkg:pypi/jinja2@2.10',
        foundBy: 'python',
        locations: [{ path: '/usr/lib/python3/dist-packages/Jinja2-2.10.dist-info/METADATA' }],
      },
      {
        name: 'github.com/gofiber/fiber/v2',
        version: 'v2.49.0',
        ecosystem: 'Go',
        purl: 'pkg:golang/github.com/gofiber/fiber/v2@v2.49.0',
        foundBy: 'go-binary',
        locations: [{ path: '/usr/local/bin/server', layer: LAYER_B }],
      },
      {
        name: 'org.apache.logging.log4j:log4j-core',
        version: '2.14.1',
        ecosystem: 'Maven',
        purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
        foundBy: 'java',
        locations: [{ path: '/app/lib/log4j-core-2.14.1.jar', layer: LAYER_B }],
      },
    ],
    notes: [],
  };
}

export const FIXED_STAMP: SbomStamp = {
  timestamp: new Date('2024-01-02T03:04:05.678Z'),
  reproducible: true,
  toolVersion: '0.0.0-test',
};
