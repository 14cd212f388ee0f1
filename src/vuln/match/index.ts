export { groupByAlias, primaryId } from './group.js';
export { matchPackages, type MatchResult, type PackageQuery, type VulnFinding } from './match.js';
export { severityOf, type FindingSeverity } from './severity.js';
