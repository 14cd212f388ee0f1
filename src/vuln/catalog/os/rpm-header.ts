/** Tags of an RPM header this project reads (rpmtag.h numbers). */
export const RPM_TAGS = {
  NAME: 1000,
  VERSION: 1001,
  RELEASE: 1002,
  EPOCH: 1003,
  LICENSE: 1014,
  VENDOR: 1011,
  ARCH: 1022,
  SOURCERPM: 1044,
} as const;

const INT32 = 4;
const STRING = 6;
const STRING_ARRAY = 8;
const I18NSTRING = 9;

/** A parsed header: the string and int32 values of its tags. */
export type RpmHeader = ReadonlyMap<number, string | number>;

function cString(data: Buffer, at: number, end: number): string {
  const stop = data.indexOf(0, at);
  return data.toString('utf8', at, stop < 0 || stop > end ? end : stop);
}

/**
 * Parses an RPM header blob as rpmdb stores it (no lead magic): big-endian index count and data
 * length, then 16-byte index entries (tag, type, offset, count), then the data store. Only
 * strings (the first of an array) and the first int32 are kept. Throws on a malformed blob.
 */
export function parseRpmHeader(blob: Buffer): RpmHeader {
  if (blob.length < 8) throw new Error(`header blob of ${blob.length} bytes is too short`);
  const count = blob.readUInt32BE(0);
  const dataLength = blob.readUInt32BE(4);
  const store = 8 + count * 16;
  if (count > 100_000 || store + dataLength > blob.length)
    throw new Error(
      `header says ${count} entries and ${dataLength} data bytes; the blob has ${blob.length}`,
    );
  const end = store + dataLength;
  const out = new Map<number, string | number>();
  for (let i = 0; i < count; i++) {
    const at = 8 + i * 16;
    const tag = blob.readUInt32BE(at);
    const type = blob.readUInt32BE(at + 4);
    const offset = blob.readInt32BE(at + 8);
    if (offset < 0 || store + offset >= end) continue;
    if (type === STRING || type === STRING_ARRAY || type === I18NSTRING)
      out.set(tag, cString(blob, store + offset, end));
    else if (type === INT32 && store + offset + 4 <= end)
      out.set(tag, blob.readUInt32BE(store + offset));
  }
  return out;
}

/** `bash-5.1.8-6.el9.src.rpm` → name `bash`, version `5.1.8-6.el9`. */
export function parseSourceRpm(file: string): { name: string; version: string } | undefined {
  const match = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(file);
  if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined)
    return undefined;
  return { name: match[1], version: `${match[2]}-${match[3]}` };
}
