import type { IngestIssue } from '../../ingest/types.js';
import type { Resource } from '../../model/resource.js';
import type { ReportException } from '../../report/scan-report.js';
import type { EngineFinding, Evaluation } from '../evaluate.js';
import { inlineRule } from './inline.js';
import { ruleMatches } from './match.js';
import type { ExceptionCatalog, ExceptionRule } from './types.js';

export interface ApplyExceptionsOptions {
  /** The scan's clock, taken at the CLI edge: exceptions expiring at or before it do not apply. */
  readonly now: Date;
  /** Honour `cubecape.io/ignore` annotations on resources. */
  readonly inline: boolean;
  readonly catalog: ExceptionCatalog;
}

/** What exceptions did to an evaluation; the report builder applies it. */
export interface ExceptionOutcome {
  /** The exception that accepted each excepted finding (failed findings only). */
  readonly excepted: ReadonlyMap<EngineFinding, ReportException>;
  /** Per control id: resources whose every violation of it was accepted. */
  readonly exceptedResources: ReadonlyMap<string, number>;
  /** Expired exceptions (`EXCEPTION_EXPIRED`) and annotations not honoured. */
  readonly warnings: readonly IngestIssue[];
}

/** No exceptions at all: what a scan without them reports. */
export const NO_EXCEPTIONS: ExceptionOutcome = {
  excepted: new Map(),
  exceptedResources: new Map(),
  warnings: [],
};

function expiredWarning(rule: ExceptionRule): IngestIssue {
  const { exception, source } = rule;
  return {
    code: 'EXCEPTION_EXPIRED',
    severity: 'warning',
    message: `exception "${exception.name}" expired on ${exception.expires ?? '?'} and no longer applies; renew it with a new review or fix the findings`,
    ...(source.file === undefined ? {} : { file: source.file }),
    ...(source.line === undefined ? {} : { line: source.line }),
  };
}

/** Splits rules into those in force at `now` and a warning per expired exception. */
function activeRules(
  rules: readonly ExceptionRule[],
  now: Date,
): { active: ExceptionRule[]; warnings: IngestIssue[] } {
  const active: ExceptionRule[] = [];
  const warnings: IngestIssue[] = [];
  const warned = new Set<string>();
  for (const rule of rules) {
    if (rule.expiresAt === undefined || rule.expiresAt > now.getTime()) {
      active.push(rule);
    } else if (!warned.has(rule.exception.name)) {
      warned.add(rule.exception.name);
      warnings.push(expiredWarning(rule));
    }
  }
  return { active, warnings };
}

/** Inline rules per resource, computed once per resource that has a failed finding. */
function inlineLookup(
  options: ApplyExceptionsOptions,
  warnings: IngestIssue[],
): (resource: Resource) => ExceptionRule | undefined {
  const cache = new Map<Resource, ExceptionRule | undefined>();
  // Findings come resource by resource: most lookups ask about the same resource as the last.
  let last: Resource | undefined;
  let lastRule: ExceptionRule | undefined;
  return (resource) => {
    if (!options.inline) return undefined;
    if (resource === last) return lastRule;
    let rule: ExceptionRule | undefined;
    if (cache.has(resource)) {
      rule = cache.get(resource);
    } else {
      const found = inlineRule(resource, options.catalog);
      warnings.push(...found.warnings);
      rule = found.rule;
      cache.set(resource, rule);
    }
    last = resource;
    lastRule = rule;
    return rule;
  };
}

/**
 * Matches failed findings against exceptions: file rules first, in the order loaded, then the
 * resource's inline annotation. The first match wins. Skipped and errored findings are never
 * excepted: nothing is known about them to accept. Pure: the clock comes in as `now`.
 */
export function applyExceptions(
  evaluation: Evaluation,
  rules: readonly ExceptionRule[],
  options: ApplyExceptionsOptions,
): ExceptionOutcome {
  const { active, warnings } = activeRules(rules, options.now);
  const inline = inlineLookup(options, warnings);
  const excepted = new Map<EngineFinding, ReportException>();
  for (const finding of evaluation.findings) {
    if (finding.status !== 'failed') continue;
    const controlId = finding.control.id;
    const fromFile =
      active.length === 0
        ? undefined
        : active.find((rule) => ruleMatches(rule, controlId, finding.resource));
    const fromAnnotation = fromFile === undefined ? inline(finding.resource) : undefined;
    const rule =
      fromFile ??
      (fromAnnotation !== undefined && ruleMatches(fromAnnotation, controlId, finding.resource)
        ? fromAnnotation
        : undefined);
    if (rule !== undefined) excepted.set(finding, rule.exception);
  }
  const exceptedResources = new Map<string, number>();
  // Most scans accept nothing: only then is it worth counting violations per control and resource.
  if (excepted.size === 0) return { excepted, exceptedResources, warnings };
  // control id → resource → [failed findings, excepted findings]
  const pairs = new Map<string, Map<Resource, [number, number]>>();
  for (const finding of evaluation.findings) {
    if (finding.status !== 'failed') continue;
    const controlId = finding.control.id;
    const byResource = pairs.get(controlId) ?? new Map<Resource, [number, number]>();
    pairs.set(controlId, byResource);
    const counts = byResource.get(finding.resource) ?? [0, 0];
    byResource.set(finding.resource, counts);
    counts[0]++;
    if (excepted.has(finding)) counts[1]++;
  }
  for (const [controlId, byResource] of pairs) {
    let count = 0;
    for (const [failed, accepted] of byResource.values()) if (failed === accepted) count++;
    if (count > 0) exceptedResources.set(controlId, count);
  }
  return { excepted, exceptedResources, warnings };
}
