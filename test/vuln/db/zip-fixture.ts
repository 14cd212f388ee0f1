import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Builds a zip archive in memory (deflate or stored entries) for archive tests and benchmarks.
 * `level` is the deflate level (zlib's default unless given).
 */
export function buildZip(
  files: Iterable<{ name: string; text: string | Buffer; store?: boolean }>,
  options: { readonly level?: number } = {},
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const file of files) {
    count += 1;
    const data = Buffer.isBuffer(file.text) ? file.text : Buffer.from(file.text, 'utf8');
    const body =
      file.store === true
        ? data
        : deflateRawSync(data, options.level === undefined ? {} : { level: options.level });
    const name = Buffer.from(file.name, 'utf8');
    const method = file.store === true ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
