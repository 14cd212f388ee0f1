import type { Environment } from '@marcbachmann/cel-js';
import { isRecord, type KubeObject } from '../../model/resource.js';
import { parseImageReference } from '../../model/image-ref.js';
import { celEnvironment } from '../cel/compile.js';
import { resourceOfKind } from '../cel/vap-match.js';
import { celFail, toCelValue } from '../cel/values.js';
import { nowMillis } from './time-functions.js';

/**
 * What Kyverno's CEL libraries may consult offline: the objects a scan or a CLI test holds
 * (`resource.Get/List`). Records every library call that needs the network or a cluster, so a
 * verdict reached past such a call is reported as unsupported, never as a pass.
 */
export class KyvernoLibraryContext {
  /** The unsupported calls met while evaluating, in order. */
  readonly unsupported: string[] = [];

  constructor(readonly objects: readonly KubeObject[]) {}

  unsupportedCall(what: string): never {
    if (!this.unsupported.includes(what)) this.unsupported.push(what);
    celFail(`unsupported: ${what}`);
  }
}

/** The `resource` library: Kubernetes objects by apiVersion, plural resource, namespace, name. */
class ResourceLibrary {
  constructor(readonly context: KyvernoLibraryContext) {}
}
/** The `http` library: network calls, never made offline. */
class HttpLibrary {
  constructor(readonly context: KyvernoLibraryContext) {}
}
/** The `image` / `imagedata` libraries: registry metadata, never fetched offline. */
class ImageDataLibrary {
  constructor(readonly context: KyvernoLibraryContext) {}
}
/** The `globalContext` library: cluster-side cached entries. */
class GlobalContextLibrary {
  constructor(readonly context: KyvernoLibraryContext) {}
}

/** A parsed image reference, Kyverno's `image("…")` (go-containerregistry defaults). */
export class KyvernoImage {
  constructor(
    readonly registry: string,
    readonly repository: string,
    readonly tag: string,
    readonly digest: string,
  ) {}
}

function metadataOf(object: KubeObject): Readonly<Record<string, unknown>> {
  return isRecord(object.metadata) ? object.metadata : {};
}

function objectsOf(
  context: KyvernoLibraryContext,
  apiVersion: string,
  resource: string,
  namespace: string,
): KubeObject[] {
  return context.objects.filter((object) => {
    if (object.apiVersion !== apiVersion || typeof object.kind !== 'string') return false;
    if (resourceOfKind(object.kind) !== resource) return false;
    const ns = metadataOf(object).namespace;
    return namespace === '' || ns === namespace;
  });
}

function getResource(
  lib: ResourceLibrary,
  apiVersion: string,
  resource: string,
  namespace: string,
  name: string,
): unknown {
  const found = objectsOf(lib.context, apiVersion, resource, namespace).find(
    (object) => metadataOf(object).name === name,
  );
  if (found === undefined) {
    const where = namespace === '' ? '' : ` in namespace ${namespace}`;
    celFail(`resource.Get: ${resource} "${name}"${where} not found among the known resources`);
  }
  return toCelValue(found);
}

function listResources(
  lib: ResourceLibrary,
  apiVersion: string,
  resource: string,
  namespace: string,
): unknown {
  const items = objectsOf(lib.context, apiVersion, resource, namespace);
  return toCelValue({ apiVersion, kind: 'List', metadata: {}, items });
}

/** Parses as go-containerregistry does: Docker Hub defaults, `latest` tag when none is given. */
function parseImage(text: string): KyvernoImage {
  const parsed = parseImageReference(text);
  if (parsed === undefined || parsed.repository === '' || /[A-Z]/.test(parsed.repository)) {
    celFail(`image: could not parse reference ${JSON.stringify(text)}`);
  }
  const registry = parsed.registry ?? 'index.docker.io';
  const dockerHub = registry === 'index.docker.io' || registry === 'docker.io';
  const repository =
    dockerHub && !parsed.repository.includes('/')
      ? `library/${parsed.repository}`
      : parsed.repository;
  const tag = parsed.tag ?? (parsed.digest === undefined ? 'latest' : '');
  return new KyvernoImage(
    dockerHub ? 'index.docker.io' : registry,
    repository,
    tag,
    parsed.digest ?? '',
  );
}

function isImage(text: string): boolean {
  try {
    parseImage(text);
    return true;
  } catch {
    return false;
  }
}

function registerUnsupported(env: Environment): void {
  const unsupported =
    (what: string) =>
    (lib: { context: KyvernoLibraryContext }): never =>
      lib.context.unsupportedCall(what);
  env
    .registerFunction(
      'ResourceLibrary.Post(string, string, dyn): dyn',
      unsupported('resource.Post'),
    )
    .registerFunction('HttpLibrary.Get(string): dyn', unsupported('http.Get (network)'))
    .registerFunction('HttpLibrary.Get(string, dyn): dyn', unsupported('http.Get (network)'))
    .registerFunction('HttpLibrary.Post(string, dyn): dyn', unsupported('http.Post (network)'))
    .registerFunction('HttpLibrary.Post(string, dyn, dyn): dyn', unsupported('http.Post (network)'))
    .registerFunction('HttpLibrary.Client(string): dyn', unsupported('http.Client (network)'))
    .registerFunction(
      'ImageDataLibrary.GetMetadata(string): dyn',
      unsupported('image.GetMetadata (registry access)'),
    )
    .registerFunction(
      'ImageDataLibrary.Get(string): dyn',
      unsupported('imagedata.Get (registry access)'),
    )
    .registerFunction(
      'GlobalContextLibrary.Get(string, string): dyn',
      unsupported('globalContext.Get (cluster cache)'),
    );
}

function registerImage(env: Environment): void {
  env
    .registerType('kyverno.Image', KyvernoImage)
    .registerFunction('image(string): kyverno.Image', parseImage)
    .registerFunction('isImage(string): bool', isImage)
    .registerFunction('kyverno.Image.registry(): string', (i: KyvernoImage) => i.registry)
    .registerFunction('kyverno.Image.repository(): string', (i: KyvernoImage) => i.repository)
    .registerFunction('kyverno.Image.tag(): string', (i: KyvernoImage) => i.tag)
    .registerFunction('kyverno.Image.digest(): string', (i: KyvernoImage) => i.digest)
    .registerFunction('kyverno.Image.containsDigest(): bool', (i: KyvernoImage) => i.digest !== '')
    .registerFunction('kyverno.Image.identifier(): string', (i: KyvernoImage) =>
      i.digest !== '' ? i.digest : i.tag,
    );
}

/** The `time` library: `time.now()` reads the Kyverno clock (tests pin it). */
class TimeLibrary {
  readonly name = 'time';
}

/** Kyverno's `parseServiceAccount`: `system:serviceaccount:<ns>:<name>` into its parts. */
function parseServiceAccount(username: string): Record<string, string> {
  const parts = username.split(':');
  if (parts.length !== 4 || parts[0] !== 'system' || parts[1] !== 'serviceaccount')
    return { Namespace: '', Name: '' };
  return { Namespace: parts[2] ?? '', Name: parts[3] ?? '' };
}

let shared: Environment | undefined;

/**
 * The Kubernetes CEL environment plus Kyverno's ValidatingPolicy libraries: `resource.Get/List`
 * over known objects, `image()` reference parsing, and `http`, `image.GetMetadata`,
 * `imagedata`, `globalContext`, `resource.Post` that report themselves unsupported.
 */
export function kyvernoCelEnvironment(): Environment {
  if (shared !== undefined) return shared;
  const env = celEnvironment().clone();
  env
    .registerType('ResourceLibrary', { ctor: ResourceLibrary, fields: {} })
    .registerType('HttpLibrary', { ctor: HttpLibrary, fields: {} })
    .registerType('ImageDataLibrary', { ctor: ImageDataLibrary, fields: {} })
    .registerType('GlobalContextLibrary', { ctor: GlobalContextLibrary, fields: {} })
    .registerVariable('resource', 'ResourceLibrary')
    .registerVariable('http', 'HttpLibrary')
    .registerVariable('image', 'ImageDataLibrary')
    .registerVariable('imagedata', 'ImageDataLibrary')
    .registerVariable('globalContext', 'GlobalContextLibrary')
    .registerFunction('ResourceLibrary.Get(string, string, string, string): dyn', getResource)
    .registerFunction('ResourceLibrary.List(string, string, string): dyn', listResources);
  env
    .registerType('TimeLibrary', { ctor: TimeLibrary, fields: {} })
    .registerConstant('time', 'TimeLibrary', new TimeLibrary())
    .registerFunction('TimeLibrary.now(): google.protobuf.Timestamp', () => new Date(nowMillis()))
    .registerFunction('parseServiceAccount(string): map<string, string>', parseServiceAccount);
  registerUnsupported(env);
  registerImage(env);
  shared = env;
  return env;
}

/** Records `what` as unsupported in the evaluation whose variables are `variables`, and fails. */
export function unsupportedIn(variables: Readonly<Record<string, unknown>>, what: string): never {
  const lib = variables.resource;
  if (lib instanceof ResourceLibrary) lib.context.unsupportedCall(what);
  return celFail(`unsupported: ${what}`);
}

/** The library variables of one evaluation, bound to `context`. */
export function libraryVariables(context: KyvernoLibraryContext): Record<string, unknown> {
  const images = new ImageDataLibrary(context);
  return {
    resource: new ResourceLibrary(context),
    http: new HttpLibrary(context),
    image: images,
    imagedata: images,
    globalContext: new GlobalContextLibrary(context),
  };
}
