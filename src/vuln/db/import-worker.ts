import type { MessagePort } from 'node:worker_threads';
import { isCubecapeError } from '../../core/errors.js';
import { preparedGroups, type PreparedGroup, type Share } from './import-batches.js';

/** Bumped when the messages change, so a worker file from another build refuses to run. */
export const PROTOCOL = 1;

/** Groups a worker may have sent that the main thread has not yet taken. */
export const MAX_IN_FLIGHT = 4;

/** What the main thread gives the import worker. */
export interface ImportWorkerData {
  readonly role: 'osv-import';
  readonly protocol: number;
  readonly paths: readonly string[];
  readonly groupSize: number;
  /** The groups this worker prepares. */
  readonly share: Share;
  /** One Int32: groups sent and not yet taken; the main thread decrements and notifies. */
  readonly inFlight: SharedArrayBuffer;
}

/** An error the worker met, as plain data (a `CubecapeError` does not survive structured clone). */
export interface WorkerError {
  readonly type: 'error';
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly cause?: { readonly message: string; readonly code?: string };
}

/** Messages from an import worker: its groups in source order, then `done` or `error`. */
export type WorkerMessage =
  ({ readonly type: 'group' } & PreparedGroup) | { readonly type: 'done' } | WorkerError;

function describe(error: unknown): WorkerError {
  if (!isCubecapeError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'error', code: 'INTERNAL', message };
  }
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const causeCode = (cause as { code?: unknown } | undefined)?.code;
  return {
    type: 'error',
    code: error.code,
    message: error.message,
    ...(error.file === undefined ? {} : { file: error.file }),
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(error.column === undefined ? {} : { column: error.column }),
    ...(cause === undefined
      ? {}
      : {
          cause: {
            message: cause.message,
            ...(typeof causeCode === 'string' ? { code: causeCode } : {}),
          },
        }),
  };
}

/** Blocks until the main thread has room for another chunk. */
function waitForRoom(inFlight: Int32Array): void {
  for (;;) {
    const current = Atomics.load(inFlight, 0);
    if (current < MAX_IN_FLIGHT) return;
    Atomics.wait(inFlight, 0, current, 1000);
  }
}

/**
 * An import worker's whole job: read, parse, validate and prepare the records of its share of the
 * groups and post them to the main thread group by group, then `done` — or an `error` after the
 * groups read before it, so the main thread writes exactly what the in-thread import would have
 * written before failing.
 */
export function runImportWorker(port: MessagePort, data: ImportWorkerData): void {
  if (data.protocol !== PROTOCOL) {
    port.postMessage({
      type: 'error',
      code: 'INTERNAL',
      message: `expected import worker protocol ${data.protocol}, this worker speaks ${PROTOCOL}; reinstall cubecape`,
    } satisfies WorkerError);
    return;
  }
  const inFlight = new Int32Array(data.inFlight);
  try {
    for (const group of preparedGroups(data.paths, data.groupSize, data.share)) {
      waitForRoom(inFlight);
      Atomics.add(inFlight, 0, 1);
      port.postMessage({ type: 'group', ...group } satisfies WorkerMessage);
    }
    port.postMessage({ type: 'done' } satisfies WorkerMessage);
  } catch (error) {
    port.postMessage(describe(error));
  }
}
