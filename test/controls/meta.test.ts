import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { isSeverity } from '../../src/core/severity.js';
import type { ControlAliases } from '../../src/controls/define.js';
import { builtinControls, controlsById } from '../../src/controls/index.js';
import { WORKLOAD_KINDS } from '../../src/controls/kinds.js';
import { frameworkControlIds } from '../../src/frameworks/define.js';
import { builtinFrameworks } from '../../src/frameworks/index.js';
import { POD_SPEC_KINDS } from '../../src/model/workload.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The shape of each tool's ids, so a typo in an alias cannot slip through. */
const ALIAS_FORMATS: Record<keyof ControlAliases, RegExp> = {
  kubescape: /^C-\d{4}$/,
  checkov: /^CKV2?_K8S_\d+$/,
  pss: /^[a-z][A-Za-z]*(?:_[a-z]+)?$/,
  cis: /^\d+(?:\.\d+)+$/,
  polaris: /^[a-z][A-Za-z]+$/,
  kubeLinter: KEBAB,
  trivy: /^KSV\d{3}$/,
};

const memberships = new Set(
  builtinFrameworks.flatMap((framework) => frameworkControlIds(framework)),
);

describe('control registry', () => {
  it('has no duplicate ids and keys match ids', () => {
    const ids = builtinControls.map((control) => control.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const [key, control] of Object.entries(controlsById)) assert.equal(key, control.id);
  });

  it('shares one workload kind list with the model', () => {
    assert.deepEqual([...WORKLOAD_KINDS], [...POD_SPEC_KINDS]);
  });

  for (const control of builtinControls) {
    describe(control.id, () => {
      it('has an id that is kebab-case and names its file and its test file', () => {
        assert.match(control.id, KEBAB);
        assert.ok(existsSync(`${root}src/controls/${control.id}.ts`), 'source file');
        assert.ok(existsSync(`${root}test/controls/${control.id}.test.ts`), 'test file');
      });

      it('documents itself', () => {
        for (const text of [control.title, control.description, control.remediation])
          assert.ok(text.trim().length > 10);
        assert.ok(isSeverity(control.severity));
        const messages = Object.entries(control.messages);
        assert.ok(messages.length > 0);
        for (const [id, template] of messages) {
          assert.match(id, KEBAB);
          assert.ok(template.trim().length > 0);
        }
        assert.ok(control.match.kinds.length > 0);
      });

      it('belongs to at least one framework', () => {
        assert.ok(memberships.has(control.id), `${control.id} is in no framework`);
      });

      it('has well-formed aliases', () => {
        const entries = Object.entries(control.aliases) as [string, unknown][];
        for (const [tool, ids] of entries) {
          assert.ok(Object.hasOwn(ALIAS_FORMATS, tool), `unknown alias tool ${tool}`);
          assert.ok(
            Array.isArray(ids) && ids.length > 0,
            `${tool} aliases must be a non-empty list`,
          );
          assert.equal(new Set(ids).size, ids.length, `${tool} aliases repeat`);
          for (const id of ids)
            assert.match(
              String(id),
              ALIAS_FORMATS[tool as keyof ControlAliases],
              `${tool} alias ${String(id)}`,
            );
        }
      });
    });
  }
});
