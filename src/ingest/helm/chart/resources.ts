/** Turns rendered manifests into resource drafts whose origins point at template lines. */
import type { Origin, Position, SourceMap } from '../../../model/resource.js';
import type { ResourceDraft } from '../../resources.js';
import type { IngestIssue } from '../../types.js';
import { parseResourceDrafts } from '../../yaml.js';
import type { Manifest } from './manifests.js';

/** `chart/templates/x.yaml` → `templates/x.yaml`; subcharts keep `charts/sub/…`. */
export function templatePath(template: string): string {
  const slash = template.indexOf('/');
  return slash === -1 ? template : template.slice(slash + 1);
}

/** Maps rendered positions to template lines; columns stay those of the rendered text. */
function mapPosition(position: Position, lines: readonly number[]): Position {
  const line = lines[position.line - 1] ?? 0;
  return line > 0
    ? { line, column: position.column }
    : { line: lines.find((l) => l > 0) ?? 1, column: 1 };
}

function mappedSourceMap(inner: SourceMap, lines: readonly number[]): SourceMap {
  return {
    locate(path) {
      const found = inner.locate(path);
      return found === undefined
        ? undefined
        : { position: mapPosition(found.position, lines), exact: found.exact };
    },
  };
}

/**
 * Parses each manifest into drafts. `chartPath` is the chart as the user named it; origins name
 * `chartPath/templates/x.yaml` and carry `rendered: { template, line }`.
 */
export function manifestDrafts(
  manifests: readonly Manifest[],
  chartPath: string,
): { drafts: ResourceDraft[]; issues: IngestIssue[] } {
  const drafts: ResourceDraft[] = [];
  const issues: IngestIssue[] = [];
  const root = chartPath.replace(/\/+$/, '');
  for (const manifest of manifests) {
    const template = templatePath(manifest.template);
    const file = `${root}/${template}`;
    const parsed = parseResourceDrafts(manifest.content, file);
    for (const issue of parsed.issues)
      issues.push(
        issue.line === undefined
          ? issue
          : { ...issue, line: mapPosition({ line: issue.line, column: 1 }, manifest.lines).line },
      );
    for (const draft of parsed.drafts) {
      const position = mapPosition(draft.origin.position, manifest.lines);
      const origin: Origin = {
        file,
        documentIndex: manifest.index,
        position,
        sourceMap: mappedSourceMap(draft.origin.sourceMap, manifest.lines),
        rendered: { template, line: position.line },
      };
      drafts.push({ ...draft, origin });
    }
  }
  return { drafts, issues };
}
