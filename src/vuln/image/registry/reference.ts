import { CubecapeError } from '../../../core/errors.js';

/** A parsed image reference: `registry/repository[:tag][@digest]`. */
export interface ImageReference {
  /** Host and optional port as used in URLs (`registry-1.docker.io`, `127.0.0.1:5000`). */
  readonly registry: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

const DOCKER_HUB = 'registry-1.docker.io';

/**
 * Parses a reference with Docker's defaults: no registry → Docker Hub, a single-segment Hub
 * name → `library/NAME`, no tag or digest → `latest`.
 */
export function parseReference(text: string): ImageReference {
  const bad = (why: string): CubecapeError =>
    new CubecapeError('USAGE', `invalid image reference ${JSON.stringify(text)}: ${why}`);
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) throw bad('expected @sha256:<64 hex digits>');
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag))
      throw bad('expected a tag of letters, digits, "_", "." and "-"');
  }
  const slash = rest.indexOf('/');
  const first = slash < 0 ? '' : rest.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  let registry = hasRegistry ? first : DOCKER_HUB;
  let repository = hasRegistry ? rest.slice(slash + 1) : rest;
  if (registry === 'docker.io' || registry === 'index.docker.io') registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  if (
    !/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(repository)
  ) {
    throw bad('expected a lowercase repository name such as library/alpine');
  }
  return {
    registry,
    repository,
    ...(tag === undefined && digest === undefined ? { tag: 'latest' } : {}),
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

/** Whether a registry host is the loopback interface (where plain HTTP may be allowed). */
export function isLoopback(registry: string): boolean {
  const host = registry.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
