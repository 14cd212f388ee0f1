/** A container image reference split into its parts (Docker reference grammar, loosely). */
export interface ImageReference {
  /** Registry host (with port), when the first path component names one. */
  readonly registry: string | undefined;
  /** Repository path without registry, e.g. `library/nginx` or `team/app`. */
  readonly repository: string;
  readonly tag: string | undefined;
  /** e.g. `sha256:…`, when the reference is pinned by digest. */
  readonly digest: string | undefined;
}

/**
 * Parses `[registry[:port]/]path[:tag][@digest]`. A colon before the last slash belongs to a
 * registry port (`host:5000/img` has no tag). Undefined for an empty or nameless reference.
 */
export function parseImageReference(image: string): ImageReference | undefined {
  // A scan meets the same few images in many containers, and several controls read each one.
  if (parsedImages.has(image)) return parsedImages.get(image);
  const unfrozen = parseUncached(image);
  // Shared between callers: read-only.
  const parsed = unfrozen === undefined ? undefined : Object.freeze(unfrozen);
  // The memo outlives a scan in a long-running process: it keeps no hostile megabyte strings.
  if (image.length > PARSED_IMAGE_MAX_LENGTH) return parsed;
  if (parsedImages.size >= PARSED_IMAGES_LIMIT) parsedImages.clear();
  parsedImages.set(image, parsed);
  return parsed;
}

/** Distinct references remembered at most; the memo starts over when it is full. */
const PARSED_IMAGES_LIMIT = 4096;
/** Longer references are parsed every time (real ones stay well under 512 characters). */
const PARSED_IMAGE_MAX_LENGTH = 512;
const parsedImages = new Map<string, ImageReference | undefined>();

function parseUncached(image: string): ImageReference | undefined {
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const digest = at === -1 ? undefined : image.slice(at + 1);
  const lastSlash = name.lastIndexOf('/');
  const lastColon = name.lastIndexOf(':');
  const hasTag = lastColon > lastSlash;
  const path = hasTag ? name.slice(0, lastColon) : name;
  const tag = hasTag ? name.slice(lastColon + 1) : undefined;
  if (path === '') return undefined;
  const firstSlash = path.indexOf('/');
  const first = firstSlash === -1 ? '' : path.slice(0, firstSlash);
  const isRegistry =
    first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  return {
    registry: isRegistry ? first : undefined,
    repository: isRegistry ? path.slice(firstSlash + 1) : path,
    tag,
    digest: digest === '' ? undefined : digest,
  };
}
