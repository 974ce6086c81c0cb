/** Converts UTF-16 offsets to 1-based line and column positions. */
import { itself, lastAtOrBefore } from "../util/arrays.js";
import type { Location, Position } from "./nodes.js";

/** Line starts of a text, for offset → position lookups. */
export class LineIndex {
  private readonly starts: readonly number[];
  private last = 0;

  /**
   * @param text The text.
   * @param lineStarts Where its lines start (0, then after every `\n`), when already known (the lexer finds them).
   */
  constructor(text: string, lineStarts?: readonly number[]) {
    this.starts = lineStarts ?? lineStartsOf(text);
  }

  /** Number of lines (a final line without `\n` counts; an empty trailing line counts too). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset where the 0-based line `line` starts. */
  lineStart(line: number): number {
    return this.starts[line];
  }

  /** 0-based line index of an offset. Sequential lookups are O(1). */
  lineOf(offset: number): number {
    const starts = this.starts;
    let i = this.last;
    if (starts[i] <= offset && (i + 1 >= starts.length || starts[i + 1] > offset)) return i;
    if (i + 1 < starts.length && starts[i + 1] <= offset && (i + 2 >= starts.length || starts[i + 2] > offset)) {
      this.last = i + 1;
      return i + 1;
    }
    // An offset before the text (negative) is on the first line.
    const line = Math.max(0, lastAtOrBefore(starts, itself, offset));
    this.last = line;
    return line;
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.starts[line] + 1 };
  }

  /** The positions of `[start, end)`; the end is looked up only when it is on a later line. */
  location(start: number, end: number): Location {
    const line = this.lineOf(start);
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : Infinity;
    const startPosition = { line: line + 1, column: start - this.starts[line] + 1 };
    return { start: startPosition, end: end >= start && end < next ? { line: line + 1, column: end - this.starts[line] + 1 } : this.position(end) };
  }
}

/** Where the lines of `text` start: 0, then after every `\n`. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  let i = text.indexOf("\n");
  while (i >= 0) {
    starts.push(i + 1);
    i = text.indexOf("\n", i + 1);
  }
  return starts;
}
