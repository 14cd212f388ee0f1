import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { KNOWN_ECOSYSTEMS, versionSchemeFor } from '../../../src/vuln/version/registry.js';

const EXPECTED: readonly (readonly [string, string])[] = [
  ['npm', 'npm'],
  ['PyPI', 'pep440'],
  ['Go', 'go'],
  ['Maven', 'maven'],
  ['Maven:https://maven.google.com', 'maven'],
  ['Debian', 'dpkg'],
  ['Debian:12', 'dpkg'],
  ['Ubuntu:22.04', 'dpkg'],
  ['Ubuntu:Pro:18.04:LTS', 'dpkg'],
  ['Alpine:v3.19', 'apk'],
  ['Wolfi', 'apk'],
  ['Red Hat', 'rpm'],
  ['Red Hat:rhel_aus:8.4::appstream', 'rpm'],
  ['AlmaLinux', 'rpm'],
  ['AlmaLinux:9', 'rpm'],
  ['Rocky Linux:8', 'rpm'],
  ['openSUSE:Tumbleweed', 'rpm'],
  ['SUSE:Linux Enterprise Server 15 SP5', 'rpm'],
  ['Photon OS:5.0', 'rpm'],
  ['RubyGems', 'rubygems'],
  ['crates.io', 'crates'],
  ['NuGet', 'nuget'],
  ['Packagist', 'packagist'],
  ['Packagist:https://packages.drupal.org/8', 'packagist'],
  ['Kubernetes', 'semver'],
  ['pypi', 'pep440'],
];

describe('versionSchemeFor', () => {
  for (const [ecosystem, scheme] of EXPECTED) {
    it(`maps ${ecosystem} to ${scheme}`, () => {
      assert.equal(versionSchemeFor(ecosystem)?.name, scheme);
    });
  }

  it('returns undefined for ecosystems without a known order and for hostile input', () => {
    for (const unknown of [
      '',
      'Pub',
      'Hackage',
      'GIT',
      'constructor',
      '__proto__',
      'toString',
      ':12',
      null,
      42,
      {},
    ]) {
      assert.equal(versionSchemeFor(unknown as string), undefined, JSON.stringify(unknown));
    }
  });

  it('lists every known ecosystem once', () => {
    assert.equal(new Set(KNOWN_ECOSYSTEMS).size, KNOWN_ECOSYSTEMS.length);
    for (const name of KNOWN_ECOSYSTEMS) assert.notEqual(versionSchemeFor(name), undefined, name);
  });
});
