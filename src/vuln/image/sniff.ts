import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { CubecapeError, describeError, isCubecapeError } from '../../core/errors.js';
import { detectCompression } from './decompress.js';

/** Reads an archive's member names (not contents) to tell docker-save output from an OCI layout. */
export async function sniffArchive(path: string): Promise<'docker-archive' | 'oci-archive'> {
  const extract = tar.extract();
  const seen = { docker: false, oci: false };
  const consume = (async () => {
    for await (const entry of extract) {
      const name = entry.header.name.replace(/^\.\//, '');
      if (name === 'manifest.json') seen.docker = true;
      if (name === 'oci-layout') seen.oci = true;
      entry.resume();
    }
  })();
  try {
    const source = createReadStream(path);
    const gzip = (await detectCompression(path)) === 'gzip';
    await Promise.all([
      gzip ? pipeline(source, createGunzip(), extract) : pipeline(source, extract),
      consume,
    ]);
  } catch (error) {
    if (isCubecapeError(error)) throw error;
    throw new CubecapeError(
      'FILE_UNREADABLE',
      `${path}: not a readable tar archive: ${describeError(error)}`,
      { file: path, cause: error },
    );
  }
  if (seen.docker) return 'docker-archive';
  if (seen.oci) return 'oci-archive';
  throw new CubecapeError(
    'FILE_UNREADABLE',
    `${path}: a tar archive without manifest.json or oci-layout: expected docker save output or an OCI image layout`,
    { file: path },
  );
}
