/**
 * Finds a named section of an ELF file (32/64-bit, either byte order) and returns its bytes;
 * `undefined` when the file is not ELF or has no such section. Throws on a truncated file.
 */
export function elfSection(data: Buffer, name: string): Buffer | undefined {
  if (data.length < 52 || data.readUInt32BE(0) !== 0x7f454c46) return undefined;
  const is64 = data[4] === 2;
  const little = data[5] === 1;
  const u16 = (at: number): number => (little ? data.readUInt16LE(at) : data.readUInt16BE(at));
  const u32 = (at: number): number => (little ? data.readUInt32LE(at) : data.readUInt32BE(at));
  const word = (at: number): number =>
    is64 ? Number(little ? data.readBigUInt64LE(at) : data.readBigUInt64BE(at)) : u32(at);
  const shoff = word(is64 ? 0x28 : 0x20);
  const shentsize = u16(is64 ? 0x3a : 0x2e);
  const shnum = u16(is64 ? 0x3c : 0x30);
  const shstrndx = u16(is64 ? 0x3e : 0x32);
  if (shoff === 0 || shnum === 0) return undefined;
  if (shoff + shnum * shentsize > data.length || shstrndx >= shnum)
    throw new Error('ELF section headers run past the end of the file');
  const header = (i: number): { name: number; offset: number; size: number } => {
    const at = shoff + i * shentsize;
    return is64
      ? { name: u32(at), offset: word(at + 0x18), size: word(at + 0x20) }
      : { name: u32(at), offset: u32(at + 0x10), size: u32(at + 0x14) };
  };
  const strings = header(shstrndx);
  for (let i = 0; i < shnum; i++) {
    const section = header(i);
    const start = strings.offset + section.name;
    const end = data.indexOf(0, start);
    if (start >= data.length || end < 0) continue;
    if (data.toString('latin1', start, end) !== name) continue;
    if (section.offset + section.size > data.length)
      throw new Error(`ELF section ${name} runs past the end of the file`);
    return data.subarray(section.offset, section.offset + section.size);
  }
  return undefined;
}
