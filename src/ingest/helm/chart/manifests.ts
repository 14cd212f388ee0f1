/**
 * Helm's post-processing of rendered templates: split each file into documents, tell hooks from
 * plain manifests, and order manifests by kind the way `helm install` (and `helm template`) does.
 */
import { CubecapeError } from '../../../core/errors.js';
import { isRecord } from '../../../model/resource.js';
import { kubernetesYamlSchema } from '../../yaml-schema.js';
import { jsYaml } from '../../../core/lazy-require.js';

/** One rendered document. */
export interface Manifest {
  /** Template name as Helm prints it: `chart/templates/x.yaml` (`chart/charts/sub/…` for subcharts). */
  readonly template: string;
  /** The document text, trimmed as Helm trims it. */
  readonly content: string;
  /** Template line (1-based; 0 unknown) of each line of `content`. */
  readonly lines: readonly number[];
  /** 0-based index of the document within its template's output. */
  readonly index: number;
  readonly kind: string;
  /** Whether it carries `helm.sh/hook`: `helm template` prints hooks after the other manifests. */
  readonly hook: boolean;
}

/** Helm's install order by kind; unknown kinds go last, alphabetically. */
export const INSTALL_ORDER: readonly string[] = [
  'PriorityClass',
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];

const RANK = new Map(INSTALL_ORDER.map((kind, index) => [kind, index]));

function byKind(a: Manifest, b: Manifest): number {
  const first = RANK.get(a.kind);
  const second = RANK.get(b.kind);
  if (first === undefined && second === undefined)
    return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
  if (first === undefined) return 1;
  if (second === undefined) return -1;
  return first - second;
}

/** Go's strings.TrimSpace, tracking how much was cut at the front. */
function trimmed(text: string): { text: string; lead: number } {
  const lead = text.length - text.trimStart().length;
  return { text: text.trim(), lead };
}

/** The separator Helm splits on: `---` at the start or after a newline, with surrounding space. */
const SEPARATOR = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/g;

function headOf(content: string, template: string): { kind: string; hook: boolean } {
  let head: unknown;
  try {
    head = jsYaml().load(content, { schema: kubernetesYamlSchema() });
  } catch (error) {
    throw new CubecapeError(
      'YAML_SYNTAX',
      `YAML parse error on ${template}: ${error instanceof Error ? error.message : String(error)}`,
      {
        file: template,
        cause: error,
      },
    );
  }
  if (!isRecord(head)) return { kind: '', hook: false };
  const metadata = isRecord(head['metadata']) ? head['metadata'] : {};
  const annotations = isRecord(metadata['annotations']) ? metadata['annotations'] : {};
  return {
    kind: typeof head['kind'] === 'string' ? head['kind'] : '',
    hook: Object.hasOwn(annotations, 'helm.sh/hook'),
  };
}

/** Splits one rendered template into documents, mapping each document line to its template line. */
export function splitRendered(
  template: string,
  output: string,
  lineMap: readonly number[],
): Manifest[] {
  const whole = trimmed(output);
  const base = whole.lead;
  const manifests: Manifest[] = [];
  let cursor = 0;
  const pieces: { start: number; end: number }[] = [];
  for (const match of whole.text.matchAll(SEPARATOR)) {
    pieces.push({ start: cursor, end: match.index });
    cursor = match.index + match[0].length;
  }
  pieces.push({ start: cursor, end: whole.text.length });
  for (const piece of pieces) {
    const raw = whole.text.slice(piece.start, piece.end);
    if (raw === '') continue;
    const doc = trimmed(raw);
    const startOffset = base + piece.start + doc.lead;
    const firstLine = countNewlines(output, startOffset);
    const lines = doc.text.split('\n').map((_, i) => lineMap[firstLine + i] ?? 0);
    manifests.push({
      template,
      content: doc.text,
      lines,
      index: manifests.length,
      ...headOf(doc.text, template),
    });
  }
  return manifests;
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Manifests in Helm's order: files by name, documents in file order, then stably by kind; hooks after. */
export function orderManifests(manifests: readonly Manifest[]): Manifest[] {
  const sorted = [...manifests].sort((a, b) =>
    a.template < b.template ? -1 : a.template > b.template ? 1 : a.index - b.index,
  );
  const plain = sorted.filter((m) => !m.hook).sort(byKind);
  const hooks = sorted.filter((m) => m.hook).sort(byKind);
  return [...plain, ...hooks];
}

/** `helm template`'s text: manifests then hooks, each under a `# Source:` comment. */
export function formatManifests(
  manifests: readonly Manifest[],
  crds: readonly { name: string; text: string }[] = [],
): string {
  const crdText = crds.map((crd) => `---\n# Source: ${crd.name}\n${crd.text}\n`).join('');
  const plain =
    crdText +
    manifests
      .filter((m) => !m.hook)
      .map((m) => `---\n# Source: ${m.template}\n${m.content}\n`)
      .join('');
  const hooks = manifests
    .filter((m) => m.hook)
    .map((m) => `---\n# Source: ${m.template}\n${m.content}\n`)
    .join('');
  const head = plain.trim();
  return `${head === '' ? '' : `${head}\n`}${hooks}`;
}
