import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { CubecapeError, describeError, isCubecapeError } from '../../core/errors.js';
import { tarStream } from '../../core/lazy-require.js';
import { detectCompression } from './decompress.js';
import { entryPath, joinLink, parentOf } from './entry-path.js';
import type { ImageLimits } from './limits.js';

/** The regular files of an image archive, copied into the private temp dir. */
export interface UnpackedArchive {
  /** Archive path (`/manifest.json`, `/blobs/sha256/…`) → file in the temp dir. */
  readonly files: ReadonlyMap<string, string>;
}

/**
 * Copies every regular file of an image archive (optionally gzip-compressed) into `tempDir`
 * under a generated name: nothing from the archive chooses where anything is written. Symlinks
 * between archive members (older `docker save` output) are resolved inside the archive.
 */
export async function unpackArchive(
  archive: string,
  tempDir: string,
  limits: ImageLimits,
): Promise<UnpackedArchive> {
  const files = new Map<string, string>();
  const links = new Map<string, string>();
  const extract = tarStream().extract();
  let written = 0;
  const consume = (async () => {
    for await (const entry of extract) {
      const path = entryPath(entry.header.name, archive);
      if (files.size + links.size > limits.maxEntries) {
        throw new CubecapeError(
          'FILE_TOO_LARGE',
          `${archive}: too many archive entries (limit maxEntries)`,
          { file: archive },
        );
      }
      if (entry.header.type === 'file' || entry.header.type === 'contiguous-file') {
        written += entry.header.size;
        if (written > limits.maxArchiveBytes) {
          throw new CubecapeError(
            'FILE_TOO_LARGE',
            `${archive}: the archive holds more than ${limits.maxArchiveBytes} bytes (limit maxArchiveBytes)`,
            { file: archive },
          );
        }
        const target = join(tempDir, `member-${files.size}`);
        await pipeline(entry, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
        files.set(path, target);
        continue;
      }
      if (entry.header.type === 'symlink' && typeof entry.header.linkname === 'string') {
        links.set(path, joinLink(parentOf(path), entry.header.linkname).path);
      }
      entry.resume();
    }
  })();
  try {
    const compressed = (await detectCompression(archive)) === 'gzip';
    const source = createReadStream(archive);
    await Promise.all([
      compressed ? pipeline(source, createGunzip(), extract) : pipeline(source, extract),
      consume,
    ]);
  } catch (error) {
    extract.destroy();
    if (isCubecapeError(error)) throw error;
    throw new CubecapeError(
      'FILE_UNREADABLE',
      `${archive}: not a readable tar archive: ${describeError(error)}`,
      { file: archive, cause: error },
    );
  }
  for (const [link, target] of links) {
    let resolved = target;
    for (let hop = 0; hop < 40 && !files.has(resolved); hop += 1) {
      const next = links.get(resolved);
      if (next === undefined) break;
      resolved = next;
    }
    const file = files.get(resolved);
    if (file !== undefined) files.set(link, file);
  }
  return { files };
}
