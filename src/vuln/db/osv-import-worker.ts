/**
 * Entry point of the OSV import worker thread (see `import-pipeline.ts`). The build bundles it
 * next to the CLI as `dist/osv-import-worker.cjs`; from sources it runs through tsx.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runImportWorker, type ImportWorkerData } from './import-worker.js';

const data = workerData as ImportWorkerData | undefined;
if (parentPort !== null && data?.role === 'osv-import') runImportWorker(parentPort, data);
