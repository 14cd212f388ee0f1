import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { dpkgScheme } from '../../../src/vuln/version/dpkg.js';
import {
  explainAffected,
  isAffected,
  type OsvAffected,
  type OsvRange,
} from '../../../src/vuln/version/osv-range.js';
import { mavenScheme } from '../../../src/vuln/version/maven.js';
import { pep440Scheme } from '../../../src/vuln/version/pep440.js';
import type { VersionScheme } from '../../../src/vuln/version/scheme.js';
import { goScheme, npmScheme } from '../../../src/vuln/version/semver.js';

const semverRange = (...events: OsvRange['events']): OsvRange => ({ type: 'SEMVER', events });
const ecoRange = (...events: OsvRange['events']): OsvRange => ({ type: 'ECOSYSTEM', events });

interface Case {
  readonly name: string;
  readonly affected: OsvAffected;
  readonly scheme: VersionScheme;
  readonly expect: Readonly<Record<string, boolean | 'unknown'>>;
}

const CASES: readonly Case[] = [
  {
    name: 'introduced 0 covers every version',
    affected: { ranges: [semverRange({ introduced: '0' })] },
    scheme: npmScheme,
    expect: { '0.0.0': true, '99.0.0': true, '1.0.0-alpha': true },
  },
  {
    name: 'fixed excludes the fix and everything after it',
    affected: { ranges: [semverRange({ introduced: '0' }, { fixed: '1.0.2' })] },
    scheme: npmScheme,
    expect: { '0.0.1': true, '1.0.1': true, '1.0.2-rc.1': true, '1.0.2': false, '2.0.0': false },
  },
  {
    name: 'several intervals in one range',
    affected: {
      ranges: [
        semverRange(
          { introduced: '1.0.0' },
          { fixed: '1.0.2' },
          { introduced: '3.0.0' },
          { fixed: '3.2.5' },
        ),
      ],
    },
    scheme: npmScheme,
    expect: {
      '0.9.0': false,
      '1.0.0': true,
      '1.0.2': false,
      '2.0.0': false,
      '3.2.4': true,
      '3.2.5': false,
    },
  },
  {
    name: 'events are sorted before the walk',
    affected: {
      ranges: [
        semverRange(
          { fixed: '3.2.5' },
          { introduced: '3.0.0' },
          { fixed: '1.0.2' },
          { introduced: '1.0.0' },
        ),
      ],
    },
    scheme: npmScheme,
    expect: { '0.9.0': false, '1.0.1': true, '2.0.0': false, '3.1.0': true, '4.0.0': false },
  },
  {
    name: 'last_affected is inclusive',
    affected: { ranges: [ecoRange({ introduced: '0' }, { last_affected: '2.1.214' })] },
    scheme: mavenScheme,
    expect: { '2.1.213': true, '2.1.214': true, '2.1.214.1': false, '2.1.215': false },
  },
  {
    name: 'limit caps the range; * means no cap',
    affected: {
      ranges: [
        ecoRange({ introduced: '1.0' }, { limit: '2.0' }),
        ecoRange({ introduced: '5.0' }, { limit: '*' }),
      ],
    },
    scheme: pep440Scheme,
    expect: { '0.9': false, '1.5': true, '2.0': false, '3.0': false, '5.0': true, '100': true },
  },
  {
    name: 'adjacent intervals [0, X) and [X, Y) cover X (PYSEC-2022-236 shape)',
    affected: {
      ranges: [
        ecoRange(
          { introduced: '0' },
          { fixed: '3.1.1' },
          { introduced: '3.2.0' },
          { fixed: '3.2.2' },
          { introduced: '3.1.1' },
          { fixed: '3.1.3' },
        ),
      ],
    },
    scheme: pep440Scheme,
    expect: {
      '3.1.0': true,
      '3.1.1': true,
      '3.1.2': true,
      '3.1.3': false,
      '3.2.1': true,
      '3.2.2': false,
    },
  },
  {
    name: 'last_affected X then introduced X keeps versions after X',
    affected: {
      ranges: [
        ecoRange(
          { introduced: '0' },
          { last_affected: '1.0' },
          { introduced: '1.0' },
          { fixed: '2.0' },
        ),
      ],
    },
    scheme: pep440Scheme,
    expect: { '1.0': true, '1.5': true, '2.0': false },
  },
  {
    name: 'the versions list counts even outside the ranges, with scheme equality',
    affected: { ranges: [ecoRange({ introduced: '2.0' })], versions: ['1.0', 'not a version'] },
    scheme: pep440Scheme,
    expect: { '1.0.0': true, '1.0': true, 'not a version': true, '1.5': false, '2.1': true },
  },
  {
    name: 'SEMVER ranges accept Go versions with a v',
    affected: { ranges: [semverRange({ introduced: '0' }, { fixed: '1.20.5' })] },
    scheme: goScheme,
    expect: {
      'v1.20.4': true,
      'v1.20.5': false,
      '1.20.4': true,
      'v1.20.5-0.20230101000000-abcdefabcdef': true,
    },
  },
  {
    name: 'ECOSYSTEM ranges use the ecosystem order (dpkg epochs and ~)',
    affected: { ranges: [ecoRange({ introduced: '0' }, { fixed: '1.2-3+deb12u1' })] },
    scheme: dpkgScheme,
    expect: { '1.2-3': true, '1.2-3+deb12u1': false, '1.2-3+deb12u1~1': true, '1:1.0-1': false },
  },
  {
    name: 'GIT ranges alone cannot decide',
    affected: {
      ranges: [{ type: 'GIT', repo: 'https://example.com/r.git', events: [{ introduced: '0' }] }],
    },
    scheme: npmScheme,
    expect: { '1.0.0': 'unknown' },
  },
  {
    name: 'GIT ranges with a versions list defer to the list',
    affected: {
      ranges: [{ type: 'GIT', repo: 'https://example.com/r.git', events: [{ introduced: 'abc' }] }],
      versions: ['1.0.0'],
    },
    scheme: npmScheme,
    expect: { '1.0.0': true, '1.0.1': false },
  },
  {
    name: 'a GIT range does not hide a matching ECOSYSTEM range',
    affected: {
      ranges: [
        { type: 'GIT', events: [{ introduced: '0' }] },
        ecoRange({ introduced: '0' }, { fixed: '2.0' }),
      ],
    },
    scheme: pep440Scheme,
    expect: { '1.0': true, '3.0': 'unknown' },
  },
  {
    name: 'an unparseable query version or event is unknown, never a guess',
    affected: { ranges: [ecoRange({ introduced: '0' }, { fixed: 'banana' })] },
    scheme: pep440Scheme,
    expect: { '1.0': 'unknown', latest: 'unknown' },
  },
  {
    name: 'unparseable query version against a valid range is unknown',
    affected: { ranges: [ecoRange({ introduced: '0' }, { fixed: '2.0' })] },
    scheme: pep440Scheme,
    expect: { latest: 'unknown', '': 'unknown' },
  },
];

const HOSTILE: readonly unknown[] = [
  null,
  undefined,
  42,
  'x',
  [],
  {},
  { ranges: null },
  { ranges: [null] },
  { ranges: [{ type: 'ECOSYSTEM' }] },
  { ranges: [{ type: 'ECOSYSTEM', events: 'nope' }] },
  { ranges: [{ type: 'ECOSYSTEM', events: [] }] },
  { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0', fixed: '2.0' }] }] },
  { ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: 1 }] }] },
  { ranges: [{ type: 'ECOSYSTEM', events: [null] }] },
  { ranges: [{ type: 'ECOSYSTEM', events: [{ fixed: '2.0' }] }] },
  { ranges: [{ type: 'WEIRD', events: [{ introduced: '0' }] }] },
];

describe('OSV range evaluation', () => {
  for (const { name, affected, scheme, expect } of CASES) {
    for (const [version, want] of Object.entries(expect)) {
      it(`${name}: ${JSON.stringify(version)} → ${String(want)}`, () => {
        assert.equal(isAffected(version, affected, scheme), want);
      });
    }
  }

  it('returns unknown, with a note, for hostile affected entries', () => {
    for (const affected of HOSTILE) {
      const verdict = explainAffected('1.0', affected as OsvAffected, pep440Scheme);
      assert.equal(verdict.affected, 'unknown', JSON.stringify(affected));
      assert.ok(verdict.notes.length > 0, JSON.stringify(affected));
    }
    assert.equal(
      isAffected(
        null as unknown as string,
        { ranges: [ecoRange({ introduced: '0' })] },
        pep440Scheme,
      ),
      'unknown',
    );
  });

  it('notes that GIT ranges were ignored', () => {
    const verdict = explainAffected(
      '1.0.0',
      { ranges: [{ type: 'GIT', events: [{ introduced: '0' }] }] },
      npmScheme,
    );
    assert.match(verdict.notes.join('\n'), /GIT range ignored/);
  });
});
