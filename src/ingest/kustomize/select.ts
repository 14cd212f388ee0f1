/** Patch and replica targets: which resources a `target` selector picks. */
import { isRecord } from '../../model/resource.js';
import { buildError } from './fs.js';
import { gvOf, kindOf, str, type KNode, type Obj } from './node.js';

type Requirement = (labels: Readonly<Record<string, unknown>>) => boolean;

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function requirementOf(text: string): Requirement {
  const set = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text);
  if (set !== null) {
    const [, key = '', op, list = ''] = set;
    const values = list.split(',').map((value) => value.trim());
    return (labels) => {
      const value = labels[key];
      const member = typeof value === 'string' && values.includes(value);
      return op === 'in' ? member : !member;
    };
  }
  const compare = /^([^\s!=]+)\s*(==|=|!=)\s*(\S*)$/.exec(text);
  if (compare !== null) {
    const [, key = '', op, expected] = compare;
    return (labels) => (op === '!=' ? labels[key] !== expected : labels[key] === expected);
  }
  if (/^![^\s!=]+$/.test(text)) return (labels) => !(text.slice(1) in labels);
  if (/^[^\s!=(),]+$/.test(text)) return (labels) => text in labels;
  throw buildError(`cannot parse selector requirement ${JSON.stringify(text)}`, undefined);
}

/** A Kubernetes label selector string as a predicate over a label map. */
export function parseLabelSelector(selector: string): Requirement {
  const requirements = splitTopLevel(selector).map(requirementOf);
  return (labels) => requirements.every((requirement) => requirement(labels));
}

function anchored(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    throw buildError(
      `target pattern ${JSON.stringify(pattern)} is not a valid regex: ${String(error)}`,
      undefined,
    );
  }
}

function mapOf(object: Obj, key: string): Readonly<Record<string, unknown>> {
  const metadata = object['metadata'];
  const value = isRecord(metadata) ? metadata[key] : undefined;
  return isRecord(value) ? value : {};
}

/** Builds a predicate from a `target`; name and namespace are anchored regexes. */
export function targetMatcher(target: Obj): (node: KNode) => boolean {
  const group = str(target['group']);
  const version = str(target['version']);
  const kind = str(target['kind']);
  const name = str(target['name']);
  const namespace = str(target['namespace']);
  const nameRe = name === undefined || name === '' ? undefined : anchored(name);
  const nsRe = namespace === undefined || namespace === '' ? undefined : anchored(namespace);
  const labels = str(target['labelSelector']);
  const annotations = str(target['annotationSelector']);
  const labelMatch = labels === undefined || labels === '' ? undefined : parseLabelSelector(labels);
  const annotationMatch =
    annotations === undefined || annotations === '' ? undefined : parseLabelSelector(annotations);
  return (node) => {
    const gv = gvOf(node.object);
    if (group !== undefined && group !== '' && gv.group !== group) return false;
    if (version !== undefined && version !== '' && gv.version !== version) return false;
    if (kind !== undefined && kind !== '' && kindOf(node.object) !== kind) return false;
    // Like kustomize, a target matches the original or the current name and namespace.
    const names = [node.names[0] ?? '', node.names[node.names.length - 1] ?? ''];
    const spaces = [node.namespaces[0], node.namespaces[node.namespaces.length - 1]];
    if (nameRe !== undefined && !names.some((n) => nameRe.test(n))) return false;
    if (nsRe !== undefined && !spaces.some((n) => nsRe.test(n ?? ''))) return false;
    if (labelMatch !== undefined && !labelMatch(mapOf(node.object, 'labels'))) return false;
    if (annotationMatch !== undefined && !annotationMatch(mapOf(node.object, 'annotations')))
      return false;
    return true;
  };
}
