export { defaultDbPath } from './default-path.js';
export { importOsv, type BadRecord, type ImportOptions, type ImportSummary } from './import.js';
export {
  importOsvPipelined,
  PIPELINE_MIN_RECORDS,
  type PipelineOptions,
} from './import-pipeline.js';
export {
  validateOsvRecord,
  type OsvAffectedEntry,
  type OsvRecord,
  type Validated,
} from './osv-record.js';
export { baseEcosystem, ecosystemKey, normalizePackageName } from './package-name.js';
export { readOsvSources, type SourceItem } from './sources.js';
export {
  SCHEMA_VERSION,
  VulnDb,
  type DbStatus,
  type IndexHit,
  type StoredRecord,
  type StoreInput,
  type UpsertCounts,
} from './store.js';
export { readZip, type ZipEntry, type ZipLimits, type ZipProblem } from './zip-reader.js';
