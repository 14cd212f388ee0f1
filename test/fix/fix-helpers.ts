import { builtinControls } from '../../src/controls/index.js';
import type { FixPatch } from '../../src/controls/define.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { EngineFinding } from '../../src/engine/evaluate.js';
import { fixText, type ResourceFixRequest, type TextFix } from '../../src/fix/fix-text.js';
import { planFixes } from '../../src/fix/plan.js';
import { parseYamlDocuments } from '../../src/ingest/yaml.js';
import { buildScanContext } from '../../src/model/build-context.js';

/**
 * The controls golden files are written for. Pinned, so that a new control with a fix does not
 * change every golden file; each new control brings its own fix tests.
 */
export const GOLDEN_CONTROLS = [
  'added-capabilities',
  'allow-privilege-escalation',
  'automount-service-account-token',
  'host-namespaces',
  'host-ports',
  'privileged-container',
  'read-only-root-filesystem',
  'run-as-non-root',
  'resource-limits',
] as const;

const goldenControls = builtinControls.filter((control) =>
  (GOLDEN_CONTROLS as readonly string[]).includes(control.id),
);

/** Scans a text in memory with the {@link GOLDEN_CONTROLS}. */
export function scanText(text: string, file: string): EngineFinding[] {
  const { resources } = parseYamlDocuments(text, file);
  return evaluate(resources, goldenControls, buildScanContext(resources, { source: 'manifests' }))
    .findings;
}

/** Failed findings that carry a fix, as `controlId resourceId path` lines, sorted. */
export function fixableFindings(text: string, file: string): string[] {
  return scanText(text, file)
    .filter((finding) => finding.status === 'failed' && (finding.fix ?? []).length > 0)
    .map(
      (finding) => `${finding.control.id} ${finding.resource.id} ${JSON.stringify(finding.path)}`,
    )
    .sort();
}

/** Failed findings without a fix, which fixing must leave alone. */
export function manualFindings(text: string, file: string): string[] {
  return scanText(text, file)
    .filter((finding) => finding.status === 'failed' && (finding.fix ?? []).length === 0)
    .map((finding) => `${finding.control.id} ${finding.resource.id}`)
    .sort();
}

/** Scans and fixes a text the way `cubecape fix` does, without files. */
export function fixScanned(text: string, file: string): TextFix {
  const plan = planFixes(scanText(text, file));
  const requests = plan.files.find((candidate) => candidate.file === file)?.requests ?? [];
  return fixText(text, file, requests);
}

/** A request for resource `index` of `text` with hand-written patches. */
export function requestFor(
  text: string,
  patches: readonly FixPatch[],
  index = 0,
): ResourceFixRequest {
  const resource = parseYamlDocuments(text, 'test.yaml').resources[index];
  if (resource?.origin === undefined) throw new Error(`no resource ${index} in the text`);
  return {
    documentIndex: resource.origin.documentIndex,
    position: resource.origin.position,
    object: resource.object,
    patches: patches.map((patch) => ({
      patch,
      controlId: 'test-control',
      resourceId: resource.id,
    })),
  };
}

/** Applies hand-written patches to resource `index` of `text`. */
export function patchText(text: string, patches: readonly FixPatch[], index = 0): TextFix {
  return fixText(text, 'test.yaml', [requestFor(text, patches, index)]);
}
