/**
 * Source maps for rendered templates: while a template executes, each written piece is tied to the
 * template line that produced it; afterwards every output line gets the template line of its first
 * visible character. Output of `include`d templates maps to the line of the `include` call.
 */
import type { WriteTrace } from '../template/index.js';

interface Piece {
  readonly text: string;
  /** Template line where the piece starts. */
  readonly line: number;
  /** Whether the piece is literal template text (its lines advance with its newlines). */
  readonly literal: boolean;
}

/** Offsets at which each line of `text` starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** Records what one template execution writes. */
export class OutputTracer {
  private readonly pieces: Piece[] = [];
  private starts: number[] | undefined;

  constructor(private readonly source: string) {}

  /**
   * The parser positions a text node where its text began before `-}}` trimmed it; the written text
   * starts after the trimmed whitespace, so the line is found by skipping it in the source.
   */
  private textLine(text: string, line: number, column: number): number {
    this.starts ??= lineStarts(this.source);
    let offset = (this.starts[line - 1] ?? 0) + Math.max(column - 1, 0);
    let current = line;
    for (let guard = 0; guard < 100_000 && offset < this.source.length; guard++) {
      if (this.source.startsWith(text, offset)) return current;
      const char = this.source.charAt(offset);
      if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r') break;
      if (char === '\n') current++;
      offset++;
    }
    return line;
  }

  readonly trace: WriteTrace = (text, at, fromText) => {
    if (text === '') return;
    this.pieces.push({
      text,
      line: fromText ? this.textLine(text, at.line, at.col) : at.line,
      literal: fromText,
    });
  };

  /** Template line (1-based) for each line of the output, 0 where unknown. */
  lineMap(): number[] {
    const map: number[] = [0];
    let visible = false;
    for (const piece of this.pieces) {
      let line = piece.line;
      for (const char of piece.text) {
        if (char === '\n') {
          if (piece.literal) line++;
          map.push(line);
          visible = false;
        } else if (!visible && char !== ' ' && char !== '\t' && char !== '\r') {
          map[map.length - 1] = line;
          visible = true;
        } else if (!visible && map.at(-1) === 0) {
          map[map.length - 1] = line;
        }
      }
    }
    return map;
  }
}
