import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import { Command } from '@commander-js/extra-typings';
import { readCluster, snapshotChunks } from '../cluster/index.js';
import { builtinControls } from '../controls/index.js';
import { CubecapeError } from '../core/errors.js';
import { EXIT, type ExitCode } from '../engine/gate.js';
import type { CliIO } from './io.js';
import { clusterOptionsOf, type ClusterFlags } from './input-options.js';
import { collectList } from './options.js';
import { createProgress } from './progress.js';

async function writeChunks(chunks: Iterable<string>, target: NodeJS.WritableStream): Promise<void> {
  for (const chunk of chunks) {
    if (!target.write(chunk)) await once(target, 'drain');
  }
}

type SnapshotOptions = ClusterFlags & { output: string; allowIncomplete: boolean };

async function snapshotAction(
  options: SnapshotOptions,
  io: CliIO,
): Promise<{ code: ExitCode; reason: string }> {
  if (options.cluster !== true) {
    throw new CubecapeError('USAGE', 'snapshot reads a live cluster: give --cluster');
  }
  const progress = createProgress(
    io.stderr,
    io.stderr.isTTY === true && io.env['CI'] === undefined,
  );
  const cluster = clusterOptionsOf(options, io, progress).cluster;
  if (cluster === undefined) throw new CubecapeError('INTERNAL', 'cluster options missing');
  const read = await readCluster(builtinControls, cluster);
  progress.done();
  if (options.output === '-') {
    await writeChunks(snapshotChunks(read), io.stdout);
  } else {
    const file = createWriteStream(resolve(io.cwd, options.output));
    const closed = once(file, 'close');
    await writeChunks(snapshotChunks(read), file);
    file.end();
    await closed;
  }
  for (const entry of read.unreadable) io.stderr.write(`warning: ${entry.reason}\n`);
  for (const issue of read.issues) io.stderr.write(`${issue.severity}: ${issue.message}\n`);
  const summary = `${read.objects.length} objects from cluster:${read.context} (${read.serverVersion})`;
  const problems =
    read.unreadable.length + read.issues.filter((i) => i.severity === 'error').length;
  if (problems > 0 && !options.allowIncomplete) {
    return {
      code: EXIT.INCOMPLETE,
      reason: `snapshot incomplete: ${problems} kind(s) could not be read; wrote ${summary} (--allow-incomplete to accept)`,
    };
  }
  return { code: EXIT.OK, reason: `wrote ${summary}` };
}

/** `cubecape snapshot --cluster -o FILE`: saves what cubecape needs of a cluster for offline scans. */
export function snapshotCommand(io: CliIO, result: { code: ExitCode; reason?: string }) {
  return new Command('snapshot')
    .description(
      'Save the objects cubecape needs from a live cluster (secret values stripped) as one JSON List, for `cubecape scan FILE` offline',
    )
    .option('--cluster', 'read the live cluster of the kubeconfig context', false)
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: the current context)')
    .option('--include-namespaces <names>', 'only list these namespaces', collectList)
    .option('--exclude-namespaces <names>', 'do not list these namespaces', collectList)
    .requiredOption('-o, --output <file>', 'where to write the snapshot (- for stdout)')
    .option('--allow-incomplete', 'exit 0 even when some kinds could not be read', false)
    .action(async (options) => {
      const outcome = await snapshotAction(options, io);
      result.code = outcome.code;
      result.reason = outcome.reason;
    });
}
