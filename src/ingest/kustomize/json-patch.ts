/** RFC 6902 JSON patches (`patchesJson6902`, or `patches` whose body is a list of operations). */
import { isRecord } from '../../model/resource.js';
import { buildError } from './fs.js';
import { clone, str, type Obj } from './node.js';

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function pointerOf(path: unknown, file: string | undefined): string[] {
  if (typeof path !== 'string' || (path !== '' && !path.startsWith('/')))
    throw buildError(`JSON patch path ${JSON.stringify(path)} is not a JSON pointer`, file);
  return path === '' ? [] : path.slice(1).split('/').map(unescapePointer);
}

function parentOf(root: unknown, segments: readonly string[], file: string | undefined): unknown {
  let node = root;
  for (const segment of segments.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node)) node = node[segment];
    else node = undefined;
    if (node === undefined)
      throw buildError(`JSON patch path /${segments.join('/')} does not exist`, file);
  }
  return node;
}

function indexIn(
  list: unknown[],
  segment: string,
  adding: boolean,
  file: string | undefined,
): number {
  if (segment === '-' && adding) return list.length;
  const index = /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : -1;
  if (index < 0 || index > list.length || (!adding && index === list.length))
    throw buildError(`JSON patch index ${segment} is out of range`, file);
  return index;
}

function getAt(root: unknown, segments: string[], file: string | undefined): unknown {
  if (segments.length === 0) return root;
  const parent = parentOf(root, segments, file);
  const last = segments[segments.length - 1] ?? '';
  if (Array.isArray(parent)) return parent[indexIn(parent, last, false, file)];
  if (isRecord(parent) && last in parent) return parent[last];
  throw buildError(`JSON patch path /${segments.join('/')} does not exist`, file);
}

function removeAt(root: unknown, segments: string[], file: string | undefined): unknown {
  const parent = parentOf(root, segments, file);
  const last = segments[segments.length - 1] ?? '';
  if (Array.isArray(parent)) return parent.splice(indexIn(parent, last, false, file), 1)[0];
  if (isRecord(parent) && last in parent) {
    const value = parent[last];
    Reflect.deleteProperty(parent, last);
    return value;
  }
  throw buildError(`JSON patch cannot remove missing /${segments.join('/')}`, file);
}

function addAt(root: unknown, segments: string[], value: unknown, replace: boolean, file?: string) {
  const parent = parentOf(root, segments, file);
  const last = segments[segments.length - 1] ?? '';
  if (Array.isArray(parent)) {
    const index = indexIn(parent, last, !replace, file);
    parent.splice(index, replace ? 1 : 0, value);
  } else if (isRecord(parent)) {
    if (replace && !(last in parent))
      throw buildError(`JSON patch cannot replace missing /${segments.join('/')}`, file);
    parent[last] = value;
  } else throw buildError(`JSON patch path /${segments.join('/')} has no parent`, file);
}

/** Applies the operations in order to a copy of `target`. */
export function applyJsonPatch(target: Obj, operations: readonly unknown[], file?: string): Obj {
  const root = clone(target);
  for (const operation of operations) {
    if (!isRecord(operation)) throw buildError('a JSON patch operation is not a mapping', file);
    const op = str(operation['op']);
    const path = pointerOf(operation['path'], file);
    if (path.length === 0)
      throw buildError('JSON patches of the whole document are not supported', file);
    switch (op) {
      case 'add':
        addAt(root, path, clone(operation['value']), false, file);
        break;
      case 'replace':
        addAt(root, path, clone(operation['value']), true, file);
        break;
      case 'remove':
        removeAt(root, path, file);
        break;
      case 'move':
        addAt(root, path, removeAt(root, pointerOf(operation['from'], file), file), false, file);
        break;
      case 'copy':
        addAt(
          root,
          path,
          clone(getAt(root, pointerOf(operation['from'], file), file)),
          false,
          file,
        );
        break;
      case 'test':
        if (JSON.stringify(getAt(root, path, file)) !== JSON.stringify(operation['value']))
          throw buildError(`JSON patch test failed at ${String(operation['path'])}`, file);
        break;
      default:
        throw buildError(`unknown JSON patch op ${JSON.stringify(op)}`, file);
    }
  }
  return root;
}
