import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CubecapeError, describeError } from '../../../core/errors.js';
import { HashCounter } from '../decompress.js';
import type { ImageLimits } from '../limits.js';
import { formatPlatform, platformMatches, type Platform } from '../platform.js';
import { findCredentials, parseChallenge, type Credentials } from './auth.js';
import { isLoopback, parseReference, type ImageReference } from './reference.js';

export interface PullOptions {
  readonly platform: Platform;
  readonly limits: ImageLimits;
  readonly insecure?: boolean;
  readonly username?: string;
  readonly password?: string;
  readonly onProgress?: (message: string) => void;
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

interface Descriptor {
  readonly digest: string;
  readonly mediaType?: string;
  readonly platform?: Partial<Platform>;
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** A client for one repository of one registry (OCI distribution API on fetch). */
class RegistryClient {
  private authorization: string | undefined;
  private readonly base: string;

  constructor(
    private readonly ref: ImageReference,
    private readonly credentials: Credentials | undefined,
    insecure: boolean,
    private readonly where: string,
  ) {
    this.base = `${insecure ? 'http' : 'https'}://${ref.registry}/v2/`;
  }

  fail(message: string, cause?: unknown): CubecapeError {
    return new CubecapeError('FILE_UNREADABLE', `${this.where}: ${message}`, {
      file: this.where,
      ...(cause === undefined ? {} : { cause }),
    });
  }

  /** GET with the current authorization; on 401, answers the challenge once and retries. */
  async get(path: string, accept?: string): Promise<Response> {
    const url = `${this.base}${path}`;
    const send = async (): Promise<Response> => {
      const headers: Record<string, string> = {};
      if (accept !== undefined) headers.accept = accept;
      if (this.authorization !== undefined) headers.authorization = this.authorization;
      try {
        return await fetch(url, { headers, redirect: 'follow' });
      } catch (error) {
        throw this.fail(`cannot reach ${url}: ${describeError(error)}`, error);
      }
    };
    let response = await send();
    if (response.status === 401) {
      await this.authenticate(response.headers.get('www-authenticate') ?? '');
      response = await send();
    }
    if (!response.ok) {
      throw this.fail(
        `GET ${url} answered ${response.status} ${response.statusText}${response.status === 401 ? ' (check --username/--password or ~/.docker/config.json)' : ''}`,
      );
    }
    return response;
  }

  private async authenticate(header: string): Promise<void> {
    const { scheme, params } = parseChallenge(header);
    const basic =
      this.credentials === undefined
        ? undefined
        : `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`;
    if (scheme === 'basic') {
      if (basic === undefined)
        throw this.fail(
          'the registry requires credentials: use --username/--password or docker login',
        );
      this.authorization = basic;
      return;
    }
    if (scheme !== 'bearer' || params.realm === undefined) {
      throw this.fail(
        `unsupported authentication challenge ${JSON.stringify(header)}: expected Basic or Bearer`,
      );
    }
    const url = new URL(params.realm);
    if (params.service !== undefined) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', params.scope ?? `repository:${this.ref.repository}:pull`);
    let response: Response;
    try {
      response = await fetch(url, { headers: basic === undefined ? {} : { authorization: basic } });
    } catch (error) {
      throw this.fail(
        `cannot reach the token server ${url.origin}: ${describeError(error)}`,
        error,
      );
    }
    if (!response.ok) throw this.fail(`the token server ${url.origin} answered ${response.status}`);
    const body = (await response.json().catch(() => ({}))) as {
      token?: unknown;
      access_token?: unknown;
    };
    const token = typeof body.token === 'string' ? body.token : body.access_token;
    if (typeof token !== 'string' || token === '')
      throw this.fail(`the token server ${url.origin} returned no token`);
    this.authorization = `Bearer ${token}`;
  }

  /** Fetches a manifest or index, checking its digest; returns its bytes and digest. */
  async manifest(
    reference: string,
    limits: ImageLimits,
  ): Promise<{ bytes: Buffer; digest: string; document: Record<string, unknown> }> {
    const response = await this.get(
      `${this.ref.repository}/manifests/${reference}`,
      MANIFEST_TYPES,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > limits.maxJsonBytes)
      throw this.fail(`manifest ${reference} is larger than maxJsonBytes`);
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const announced = response.headers.get('docker-content-digest');
    const expected = DIGEST.test(reference) ? reference : (announced ?? undefined);
    if (expected !== undefined && expected !== digest) {
      throw this.fail(`manifest digest mismatch: expected ${expected}, got ${digest}`);
    }
    let document: unknown;
    try {
      document = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw this.fail(`manifest ${reference} is not valid JSON: ${describeError(error)}`);
    }
    if (typeof document !== 'object' || document === null)
      throw this.fail(`manifest ${reference}: expected a JSON object`);
    return { bytes, digest, document: document as Record<string, unknown> };
  }

  /** Streams a blob into the layout, verifying its sha256. */
  async blob(digest: string, dir: string, limits: ImageLimits): Promise<void> {
    const response = await this.get(`${this.ref.repository}/blobs/${digest}`);
    if (response.body === null) throw this.fail(`blob ${digest} has no body`);
    const counter = new HashCounter();
    const file = join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
    const body = Readable.fromWeb(
      response.body as import('node:stream/web').ReadableStream<Uint8Array>,
    );
    try {
      await pipeline(body, counter, createWriteStream(file, { mode: 0o600 }));
    } catch (error) {
      throw this.fail(`cannot download blob ${digest}: ${describeError(error)}`, error);
    }
    if (counter.bytes > limits.maxArchiveBytes)
      throw this.fail(`blob ${digest} is larger than maxArchiveBytes`);
    if (counter.digest() !== digest) {
      throw this.fail(
        `blob digest mismatch: expected ${digest}, got ${counter.digest()}; the registry content is corrupt or was tampered with`,
      );
    }
  }
}

function descriptors(value: unknown): Descriptor[] {
  return Array.isArray(value)
    ? value.filter(
        (item): item is Descriptor =>
          typeof item === 'object' &&
          item !== null &&
          typeof (item as { digest?: unknown }).digest === 'string' &&
          DIGEST.test((item as Descriptor).digest),
      )
    : [];
}

/**
 * Pulls one image (choosing the platform from an index) into `dir` as an OCI image layout, with
 * every manifest and blob digest verified. Plain HTTP only with `insecure` and a loopback host.
 */
export async function pullImage(
  text: string,
  dir: string,
  options: PullOptions,
): Promise<{ digest: string; name: string }> {
  const ref = parseReference(text);
  const where = `registry:${text}`;
  if (options.insecure === true && !isLoopback(ref.registry)) {
    throw new CubecapeError(
      'USAGE',
      `${where}: --insecure (plain HTTP) is only allowed for loopback registries (localhost, 127.0.0.0/8, ::1), not ${ref.registry}`,
    );
  }
  const credentials = await findCredentials(ref.registry, options.username, options.password);
  const client = new RegistryClient(ref, credentials, options.insecure === true, where);
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  options.onProgress?.(`pulling ${text}`);
  let current = await client.manifest(ref.digest ?? ref.tag ?? 'latest', options.limits);
  for (let depth = 0; Array.isArray(current.document.manifests) && depth < 4; depth += 1) {
    const list = descriptors(current.document.manifests).filter(
      (item) => item.platform?.os !== 'unknown',
    );
    const chosen = list.find((item) => platformMatches(item.platform, options.platform));
    if (chosen === undefined) {
      const available = list.map((item) => formatPlatform(item.platform)).join(', ');
      throw new CubecapeError(
        'USAGE',
        `${where}: no image for platform ${formatPlatform(options.platform)}; available: ${available || 'none'} (choose one with --platform)`,
      );
    }
    current = await client.manifest(chosen.digest, options.limits);
  }
  const config = descriptors([current.document.config])[0];
  const layers = descriptors(current.document.layers);
  if (config === undefined)
    throw client.fail(
      'the manifest has no config descriptor: expected a Docker v2 schema2 or OCI image manifest',
    );
  if (layers.length > options.limits.maxLayers)
    throw client.fail(`more than ${options.limits.maxLayers} layers (limit maxLayers)`);
  for (const blob of [config, ...layers]) await client.blob(blob.digest, dir, options.limits);
  await writeFile(
    join(dir, 'blobs', 'sha256', current.digest.slice('sha256:'.length)),
    current.bytes,
  );
  await writeFile(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  await writeFile(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: current.digest,
          size: current.bytes.length,
        },
      ],
    }),
  );
  return {
    digest: current.digest,
    name: `${ref.registry}/${ref.repository}${ref.tag === undefined ? '' : `:${ref.tag}`}`,
  };
}
