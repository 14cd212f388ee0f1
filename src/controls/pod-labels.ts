import type { JsonPath } from '../core/json-path.js';
import { isRecord, type Resource } from '../model/resource.js';
import { labelsOf } from '../model/selectors.js';
import { podSpecOf } from '../model/workload.js';

/** A set of labels an object carries, and where they are (or should be). */
export interface LabelSite {
  readonly labels: Readonly<Record<string, string>>;
  /** `metadata.labels` when present, else `metadata`, else the object holding it. */
  readonly path: JsonPath;
  readonly where: string;
}

function siteAt(object: unknown, metadataPath: JsonPath, where: string): LabelSite {
  const metadata = isRecord(object) ? object : undefined;
  const labels = labelsOf(metadata);
  const path = isRecord(metadata?.['labels'])
    ? metadataPath.concat('labels')
    : metadata === undefined
      ? metadataPath.slice(0, -1)
      : metadataPath;
  return { labels, path, where };
}

/**
 * The label sites of a workload: its own metadata and, for controllers, the pod template that
 * stamps the labels onto every pod.
 */
export function labelSitesOf(resource: Resource): LabelSite[] {
  const own = siteAt(resource.object['metadata'], ['metadata'], resource.kind);
  if (resource.kind === 'Pod') return [own];
  const pod = podSpecOf(resource);
  if (pod === undefined) return [own];
  return [own, siteAt(pod.metadata, pod.metadataPath, 'pod template')];
}
