import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { builtinControls } from '../../src/controls/index.js';
import { frameworkControlIds } from '../../src/frameworks/define.js';
import { builtinFrameworks, frameworksById } from '../../src/frameworks/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Framework ids are kebab-case; a version segment may carry dots (`cis-v1.12`). */
const FRAMEWORK_ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

describe('framework registry', () => {
  const known = new Set(builtinControls.map((control) => control.id));
  it('has unique kebab-case ids with a source file each', () => {
    const ids = builtinFrameworks.map((framework) => framework.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, FRAMEWORK_ID);
      assert.ok(existsSync(`${root}src/frameworks/${id}.ts`), id);
    }
  });
  for (const framework of builtinFrameworks) {
    it(`${framework.id} names only registered controls, once per section`, () => {
      assert.ok(
        framework.name.length > 0 &&
          framework.version.length > 0 &&
          framework.description.length > 0,
      );
      const sectionIds = framework.sections.map((section) => section.id);
      assert.equal(new Set(sectionIds).size, sectionIds.length);
      for (const section of framework.sections) {
        assert.equal(new Set(section.controls).size, section.controls.length, section.id);
        for (const id of section.controls)
          assert.ok(known.has(id), `${framework.id}/${section.id}: unknown control ${id}`);
      }
      assert.ok(frameworkControlIds(framework).length > 0);
    });
  }
});

describe('framework contents', () => {
  it('maps every pod hardening control into the NSA/CISA pod security chapter', () => {
    const section = frameworksById['nsa-cisa'].sections.find((s) => s.id === 'pod-security');
    assert.ok(section);
    for (const id of [
      'privileged-container',
      'allow-privilege-escalation',
      'run-as-non-root',
      'read-only-root-filesystem',
      'host-namespaces',
      'host-path-volumes',
      'added-capabilities',
    ]) {
      assert.ok(section.controls.includes(id), id);
    }
  });

  it('uses MITRE tactic ids as section ids', () => {
    for (const section of frameworksById['mitre-attack'].sections)
      assert.match(section.id, /^TA\d{4}$/);
    const escalation = frameworksById['mitre-attack'].sections.find((s) => s.id === 'TA0004');
    assert.equal(escalation?.title, 'Privilege Escalation');
    assert.ok(escalation.controls.includes('privileged-container'));
  });

  it('lists each control once per framework even when several sections name it', () => {
    const ids = frameworkControlIds(frameworksById['nsa-cisa']);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes('host-ports'));
  });
});
