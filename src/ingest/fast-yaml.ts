/*
 * A reader for the subset of YAML that Kubernetes manifests are written in: block mappings and
 * sequences (including sequences at their key's indentation), plain, quoted and block scalars,
 * flow collections of scalars and comments. It exists for speed only: whenever the text holds
 * anything outside that subset, or anything the reader is not certain how js-yaml would treat
 * (anchors, tags, complex keys, duplicate keys, tabs in structure, odd indentation, escapes it
 * does not know, ...), it gives up and the caller parses the document with js-yaml instead.
 * Giving up is always safe; returning a value that js-yaml would not return is never allowed.
 *
 * The reader itself lives in ./fast-yaml/: character tables (characters.ts), the position and
 * tape state (cursor.ts), scalars (scalars.ts) and block and flow structure (reader.ts).
 */

import { hasUnusualCharacters, UNSURE } from './fast-yaml/characters.js';
import type { FastDocument } from './fast-yaml/cursor.js';
import { Reader, rememberedKeyName } from './fast-yaml/reader.js';

export {
  type FastDocument,
  TAPE_BLOCK_MAP,
  TAPE_FLOW_MAP,
  TAPE_SCALAR,
  TAPE_SEQUENCE,
} from './fast-yaml/cursor.js';

/**
 * Reads one YAML document (a {@link DocumentChunk}'s text) when it stays within the subset this
 * reader handles; `undefined` means "not sure": parse it with js-yaml. A returned value is
 * exactly what js-yaml with the Kubernetes schema would return. Empty documents are left to
 * js-yaml as well.
 */
export function readFastYaml(text: string): FastDocument | undefined {
  if (hasUnusualCharacters(text)) return undefined;
  try {
    return new Reader(text).document();
  } catch (error) {
    if (error === UNSURE) return undefined;
    throw error;
  }
}

/** The property name of the mapping key at `offset` of a text {@link readFastYaml} accepted. */
export function keyNameAt(text: string, offset: number, flow: boolean): string {
  // Most keys of a scan are spelled like one the reader remembers; a flow key is read in full,
  // since `,` ends a key there and not in block context.
  return (
    (flow ? undefined : rememberedKeyName(text, offset)) ?? new Reader(text, offset).keyName(flow)
  );
}
