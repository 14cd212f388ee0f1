import { isRecord } from '../model/resource.js';

/** Annotation kubectl writes with the whole applied object, secret values included. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function withBlankValues(value: unknown): unknown {
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.keys(value).map((key) => [key, '']));
}

/**
 * Makes a listed object what cubecape keeps: `apiVersion` and `kind` set (list items omit them),
 * `metadata.managedFields` dropped (bulky and never judged), and for Secrets every value of
 * `data` and `stringData` blanked — the keys stay, so controls still see which keys exist — along
 * with the last-applied annotation that would repeat them. Mutates and returns `item`.
 */
export function sanitizeListed(
  item: Record<string, unknown>,
  apiVersion: string,
  kind: string,
): Record<string, unknown> {
  const object: Record<string, unknown> = { apiVersion, kind, ...item };
  object['apiVersion'] = apiVersion;
  object['kind'] = kind;
  const metadata = object['metadata'];
  if (isRecord(metadata)) {
    delete metadata['managedFields'];
    const annotations = metadata['annotations'];
    if (kind === 'Secret' && isRecord(annotations)) {
      metadata['annotations'] = Object.fromEntries(
        Object.entries(annotations).filter(([key]) => key !== LAST_APPLIED),
      );
    }
  }
  if (kind === 'Secret') {
    if ('data' in object) object['data'] = withBlankValues(object['data']);
    if ('stringData' in object) object['stringData'] = withBlankValues(object['stringData']);
  }
  return object;
}
