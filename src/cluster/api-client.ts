import * as http from 'node:http';
import * as https from 'node:https';
import { CubecapeError, describeError } from '../core/errors.js';
import { isRecord } from '../model/resource.js';
import type { LoadedKubeConfig } from './kubeconfig.js';

/** A non-2xx answer of the API server, with its `Status` body's reason and message when sent. */
export class ApiStatusError extends Error {
  readonly status: number;
  readonly reason: string | undefined;
  readonly path: string;

  constructor(status: number, path: string, reason: string | undefined, message: string) {
    super(message);
    this.name = 'ApiStatusError';
    this.status = status;
    this.path = path;
    this.reason = reason;
  }
}

/** GETs JSON from the API server; the only network code of the cluster source. */
export interface ApiClient {
  /** Resolves with the parsed JSON body; rejects with ApiStatusError or CLUSTER_UNREACHABLE. */
  getJson(path: string): Promise<unknown>;
  readonly server: string;
}

/** A request that gets no answer in this long is given up (a page of 500 objects is far faster). */
const REQUEST_TIMEOUT_MS = 60_000;
/** Bodies above this are refused rather than risk the memory bound. */
const MAX_BODY_BYTES = 512 * 1024 * 1024;

function statusErrorOf(status: number, path: string, text: string): ApiStatusError {
  let reason: string | undefined;
  let message = text.trim().slice(0, 300);
  try {
    const body: unknown = JSON.parse(text);
    if (isRecord(body) && body['kind'] === 'Status') {
      if (typeof body['reason'] === 'string') reason = body['reason'];
      if (typeof body['message'] === 'string') message = body['message'];
    }
  } catch {
    // Not a Status document (a proxy's HTML page, say): keep the text as the message.
  }
  return new ApiStatusError(status, path, reason, message === '' ? `HTTP ${status}` : message);
}

function unreachable(server: string, path: string, cause: unknown): CubecapeError {
  return new CubecapeError(
    'CLUSTER_UNREACHABLE',
    `cannot reach the API server ${server} (GET ${path}): ${describeError(cause)}; check the kubeconfig's server address, network and credentials`,
    { cause },
  );
}

function readBody(response: http.IncomingMessage, path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        response.destroy(new Error(`response to ${path} is larger than ${MAX_BODY_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => {
      resolvePromise(Buffer.concat(chunks).toString('utf8'));
    });
    response.on('error', reject);
  });
}

/** The kubeconfig's headers (a bearer token, impersonation) as a plain record. */
function headersOf(options: https.RequestOptions): Record<string, string | string[] | number> {
  const headers = options.headers;
  if (headers === undefined || Array.isArray(headers)) return {};
  const out: Record<string, string | string[] | number> = {};
  for (const [key, value] of Object.entries(headers)) if (value !== undefined) out[key] = value;
  return out;
}

/** Builds a client from a loaded kubeconfig, applying its TLS and credentials once. */
export async function createApiClient(loaded: LoadedKubeConfig): Promise<ApiClient> {
  const base: https.RequestOptions = { headers: {} };
  try {
    await loaded.config.applyToHTTPSOptions(base);
  } catch (error) {
    throw new CubecapeError(
      'CLUSTER_CONFIG',
      `cannot use the credentials of context "${loaded.context}" in ${loaded.from}: ${describeError(error)}`,
      { cause: error },
    );
  }
  const server = new URL(loaded.server);
  const transport = server.protocol === 'http:' ? http : https;
  const prefix = server.pathname.replace(/\/+$/, '');
  const getJson = (path: string): Promise<unknown> =>
    new Promise((resolvePromise, reject) => {
      const request = transport.request(
        {
          ...base,
          protocol: server.protocol,
          hostname: server.hostname,
          port: server.port === '' ? undefined : server.port,
          path: `${prefix}${path}`,
          method: 'GET',
          headers: { ...headersOf(base), Accept: 'application/json' },
          timeout: REQUEST_TIMEOUT_MS,
        },
        (response) => {
          readBody(response, path).then(
            (text) => {
              const status = response.statusCode ?? 0;
              if (status < 200 || status > 299) {
                reject(statusErrorOf(status, path, text));
                return;
              }
              try {
                resolvePromise(JSON.parse(text));
              } catch (error) {
                reject(
                  new CubecapeError(
                    'CLUSTER_API',
                    `GET ${path} on ${loaded.server} did not return JSON: ${describeError(error)}`,
                  ),
                );
              }
            },
            (error: unknown) => {
              reject(unreachable(loaded.server, path, error));
            },
          );
        },
      );
      request.on('timeout', () => {
        request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`));
      });
      request.on('error', (error) => {
        reject(unreachable(loaded.server, path, error));
      });
      request.end();
    });
  return { getJson, server: loaded.server };
}
