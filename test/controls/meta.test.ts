import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { isSeverity } from '../../src/core/severity.js';
import type { ControlAliases } from '../../src/controls/define.js';
import { builtinControls, controlsById } from '../../src/controls/index.js';
import { WORKLOAD_KINDS } from '../../src/controls/kinds.js';
import { frameworkControlIds } from '../../src/frameworks/define.js';
import { builtinFrameworks } from '../../src/frameworks/index.js';
import { parseYamlDocuments } from '../../src/ingest/yaml.js';
import { parseControlsConfig } from '../../src/config/load.js';
import { buildScanContext } from '../../src/model/build-context.js';
import { DEFAULT_SCAN_SETTINGS } from '../../src/model/context.js';
import { POD_SPEC_KINDS } from '../../src/model/workload.js';
import { isSkipped, type Control } from '../../src/controls/define.js';

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

/** Runs an example through the control under default settings: violations per matched resource. */
function judgeExample(control: Control, yaml: string): number[] {
  const { resources, issues } = parseYamlDocuments(yaml, `${control.id}.example.yaml`);
  assert.deepEqual(issues, [], 'the example parses');
  const config = control.examples?.config;
  const context = buildScanContext(resources, {
    source: 'manifests',
    ...(config === undefined
      ? {}
      : {
          settings: {
            ...DEFAULT_SCAN_SETTINGS,
            controls: parseControlsConfig(config, `${control.id}.example-config.yaml`),
          },
        }),
  });
  return resources
    .filter(
      (resource) =>
        (control.match.kinds.includes('*') || control.match.kinds.includes(resource.kind)) &&
        (control.match.where?.(resource) ?? true),
    )
    .map((resource) => {
      const result = control.check(resource, context);
      assert.ok(!isSkipped(result), `example skipped: ${isSkipped(result) ? result.skipped : ''}`);
      return result.length;
    });
}

const memberships = new Set(
  // Convenience sets (all, workload, cluster) hold every control by construction: they don't count.
  builtinFrameworks
    .filter((framework) => framework.convenience !== true)
    .flatMap((framework) => frameworkControlIds(framework)),
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

      it('has a table test: passing and failing cases, or skip cases if it can only skip', () => {
        const text = readFileSync(`${root}test/controls/${control.id}.test.ts`, 'utf8');
        // host, cloud and manual controls never judge anything: their tests prove they skip.
        if (control.requires !== undefined && control.requires !== 'cluster') {
          assert.match(text, /runRequirementTests\(|skipped\s*:/, 'no skip cases');
          return;
        }
        // Shared table runners name their cases valid/invalid, or safe/risky for RBAC grants.
        assert.match(text, /\b(valid|safe)\s*:/, 'no passing cases');
        assert.match(text, /\b(invalid|risky)\s*:/, 'no failing cases');
      });

      it('has a generated reference page', () => {
        assert.ok(existsSync(`${root}docs/controls/${control.id}.md`), 'npm run docs:controls');
      });

      if (control.examples !== undefined) {
        const { failing, passing } = control.examples;
        it('has a failing example that fails it', () => {
          const counts = judgeExample(control, failing);
          assert.ok(counts.length > 0, 'the failing example has no resource the control judges');
          assert.ok(
            counts.some((count) => count > 0),
            'the failing example passes',
          );
        });
        it('has a passing example that passes it', () => {
          const counts = judgeExample(control, passing);
          assert.ok(counts.length > 0, 'the passing example has no resource the control judges');
          assert.deepEqual(
            counts.filter((count) => count > 0),
            [],
            'the passing example fails',
          );
        });
      }

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
