import { parseImageReference } from '../model/image-ref.js';

/** The registry an image is pulled from; references without one come from Docker Hub. */
export function registryOf(image: string): { registry: string; name: string } | undefined {
  const parsed = parseImageReference(image.trim());
  if (parsed === undefined) return undefined;
  const registry = parsed.registry ?? 'docker.io';
  return { registry, name: `${registry}/${parsed.repository}` };
}

/**
 * True when an image's `registry/repository` equals a list entry or lies under it
 * (`ghcr.io/acme` covers `ghcr.io/acme/api`). Entries are compared case-insensitively.
 */
export function matchesRegistryList(image: string, entries: readonly string[]): boolean {
  const found = registryOf(image);
  if (found === undefined) return false;
  const name = found.name.toLowerCase();
  return entries.some((entry) => {
    const prefix = entry.trim().toLowerCase().replace(/\/+$/, '');
    return prefix !== '' && (name === prefix || name.startsWith(`${prefix}/`));
  });
}
