export { readScanInputs, skipUnreadable, type ScanInputs } from './scan-inputs.js';
export {
  readCluster,
  kindsNeeded,
  type ClusterRead,
  type ClusterReadOptions,
  type UnreadableKind,
} from './read-cluster.js';
export { snapshotChunks, readSnapshotHeader, parseSnapshotHeader } from './snapshot.js';
