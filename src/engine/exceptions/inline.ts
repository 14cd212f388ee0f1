import type { IngestIssue } from '../../ingest/types.js';
import { isRecord, type Resource } from '../../model/resource.js';
import type { ExceptionCatalog, ExceptionRule } from './types.js';

/** Annotation listing the controls to accept on this resource: `a,b` or `*` for all. */
export const IGNORE_ANNOTATION = 'cubecape.io/ignore';
/** Annotation saying why; without it the annotation is not honoured. */
export const IGNORE_REASON_ANNOTATION = 'cubecape.io/ignore-reason';

function annotationsOf(resource: Resource): Record<string, unknown> | undefined {
  const metadata = resource.object['metadata'];
  const annotations = isRecord(metadata) ? metadata['annotations'] : undefined;
  return isRecord(annotations) ? annotations : undefined;
}

function warning(resource: Resource, message: string): IngestIssue {
  const origin = resource.origin;
  const position =
    origin?.sourceMap.locate(['metadata', 'annotations', IGNORE_ANNOTATION])?.position ??
    origin?.position;
  return {
    code: 'EXCEPTION_NOT_APPLIED',
    severity: 'warning',
    message: `${resource.id}: ${message}`,
    ...(origin === undefined ? {} : { file: origin.file }),
    ...(position === undefined ? {} : { line: position.line, column: position.column }),
  };
}

/** Our control ids for an annotation entry: a cubecape id or a Kubescape id. */
function resolve(entry: string, catalog: ExceptionCatalog): string[] {
  const upper = entry.toUpperCase();
  return catalog.controls
    .filter(
      (control) =>
        control.id === entry ||
        control.aliases.kubescape?.some((alias) => alias.toUpperCase() === upper),
    )
    .map((control) => control.id);
}

/**
 * The rule a resource's own `cubecape.io/ignore` annotation declares, if any. Only the object's
 * own metadata counts, not a workload's pod template: template annotations are copied to every
 * pod and changing them restarts the workload. Without a reason the annotation is not honoured
 * (an accepted risk must say why), and unknown control ids are reported, not guessed.
 */
export function inlineRule(
  resource: Resource,
  catalog: ExceptionCatalog,
): { rule?: ExceptionRule; warnings: IngestIssue[] } {
  const annotations = annotationsOf(resource);
  const value = annotations?.[IGNORE_ANNOTATION];
  if (value === undefined) return { warnings: [] };
  if (typeof value !== 'string' || value.trim() === '') {
    return {
      warnings: [
        warning(resource, `${IGNORE_ANNOTATION} must list control ids or "*"; not applied`),
      ],
    };
  }
  const reason = annotations?.[IGNORE_REASON_ANNOTATION];
  if (typeof reason !== 'string' || reason.trim() === '') {
    return {
      warnings: [
        warning(
          resource,
          `${IGNORE_ANNOTATION} has no ${IGNORE_REASON_ANNOTATION} annotation saying why; not applied`,
        ),
      ],
    };
  }
  const warnings: IngestIssue[] = [];
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  let controls: Set<string> | undefined = new Set();
  for (const entry of entries) {
    if (entry === '*') {
      controls = undefined;
      break;
    }
    const ids = resolve(entry, catalog);
    if (ids.length === 0)
      warnings.push(
        warning(resource, `${IGNORE_ANNOTATION} names unknown control "${entry}"; ignored`),
      );
    for (const id of ids) controls.add(id);
  }
  if (controls !== undefined && controls.size === 0) return { warnings };
  const rule: ExceptionRule = {
    exception: { name: `inline:${resource.id}`, reason },
    ...(controls === undefined ? {} : { controls }),
    source: {
      format: 'inline',
      ...(resource.origin === undefined
        ? {}
        : { file: resource.origin.file, line: resource.origin.position.line }),
    },
  };
  return { rule, warnings };
}
