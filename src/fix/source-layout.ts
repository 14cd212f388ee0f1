import { splitDocuments } from '../ingest/split-documents.js';
import type { Flavor } from './render-value.js';

/** A slice of a file: one document (with the index the scan gave it), or text between documents. */
export interface SourcePiece {
  /** Replaced as the document is edited; joining all pieces gives the file. */
  text: string;
  readonly documentIndex?: number;
}

export interface SourceLayout {
  readonly flavor: Flavor;
  readonly pieces: SourcePiece[];
}

function isJson(text: string): boolean {
  const first = text.trimStart().charAt(0);
  if (first !== '{' && first !== '[') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
    offsets.push(at + 1);
  return offsets;
}

/**
 * Cuts a file (without its byte order mark) into documents exactly as the scan does, so
 * document indexes agree with `origin.documentIndex`. A JSON file is one document.
 */
export function splitSource(text: string): SourceLayout {
  if (isJson(text)) return { flavor: 'json', pieces: [{ text, documentIndex: 0 }] };
  const offsets = lineOffsets(text);
  const pieces: SourcePiece[] = [];
  let at = 0;
  for (const chunk of splitDocuments(text)) {
    const start = offsets[chunk.startLine] ?? text.length;
    if (start > at) pieces.push({ text: text.slice(at, start) });
    pieces.push({ text: chunk.text, documentIndex: chunk.index });
    at = start + chunk.text.length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return { flavor: 'yaml', pieces };
}
