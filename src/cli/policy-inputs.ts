import { CubecapeError } from '../core/errors.js';
import { ingestPaths } from '../ingest/ingest.js';
import type { LoadedPolicies } from '../policy/index.js';

/**
 * Reads the files given with `--policy` and loads them. Unreadable files and policies that do
 * not compile are usage errors: a policy that silently does nothing is a gate that lies.
 */
export async function readPolicies(paths: readonly string[]): Promise<LoadedPolicies> {
  const ingested = await ingestPaths(paths, {});
  const broken = ingested.issues.find((issue) => issue.severity === 'error');
  if (broken !== undefined) {
    throw new CubecapeError('CONFIG', `policy input: ${broken.message}`, {
      file: broken.file,
      line: broken.line,
      column: broken.column,
    });
  }
  // Loaded here, not at start-up: the policy engines (CEL, Kyverno) are large and most scans
  // bring no policies.
  const { loadPolicies } = await import('../policy/index.js');
  const loaded = loadPolicies(
    ingested.resources.map((resource) => ({
      object: resource.object,
      file: resource.origin?.file ?? '-',
    })),
  );
  const [problem] = loaded.problems;
  if (problem !== undefined) {
    throw new CubecapeError('CONFIG', `policy ${problem.name}: ${problem.message}`, {
      file: problem.file,
    });
  }
  if (loaded.controls.length === 0) {
    throw new CubecapeError(
      'CONFIG',
      `no policies found in ${paths.join(', ')}: expected ValidatingAdmissionPolicy or Kyverno ClusterPolicy/Policy documents`,
    );
  }
  return loaded;
}
